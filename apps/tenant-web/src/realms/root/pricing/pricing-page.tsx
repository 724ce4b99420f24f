import { MarketingLayout } from '../marketing-layout';
import { PricingSection } from './pricing-section';

/** `/pricing` on the root host. */
export function PricingPage() {
  return (
    <MarketingLayout>
      <section className="bg-zinc-50/60 py-16">
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <div className="mx-auto max-w-2xl text-center">
            <h1 className="text-3xl font-semibold tracking-tight">Pricing</h1>
            <p className="mt-3 text-zinc-600">Every plan starts with a free trial. Upgrade, downgrade or cancel at any time.</p>
          </div>
          <div className="mt-10">
            <PricingSection />
          </div>
        </div>
      </section>
    </MarketingLayout>
  );
}
