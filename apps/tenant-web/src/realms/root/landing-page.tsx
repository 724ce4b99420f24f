import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  ArrowRight,
  BarChart3,
  CalendarDays,
  Check,
  FileText,
  Inbox,
  Palette,
  ShieldCheck,
  Sparkles,
  Stethoscope,
  TrendingUp,
  Users,
} from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/utils';
import { MarketingLayout } from './marketing-layout';
import { rememberReferral } from './referral';
import { PricingSection } from './pricing/pricing-section';
import { reportReferralVisit } from './pricing/queries';

const FEATURES = [
  {
    icon: Stethoscope,
    title: 'AI audits',
    text: 'Engagement score against the account’s follower tier, reach trends, consistency, a shadowban-risk estimate built only from real evidence, and a 30-day recovery roadmap.',
  },
  {
    icon: Sparkles,
    title: 'AI content engine',
    text: 'Captions, hooks, reel scripts and hashtag clusters in each brand’s own voice, ranked by what has worked for that account.',
  },
  {
    icon: CalendarDays,
    title: 'Growth planner',
    text: '7, 14 and 30-day plans with daily tasks and best posting times computed from the account’s own history.',
  },
  {
    icon: Inbox,
    title: 'Inbox assistant',
    text: 'Comments and DMs in one place, with suggested replies in the brand voice and safe keyword auto-replies.',
  },
  {
    icon: FileText,
    title: 'Branded reports',
    text: 'PDF audits, plans and monthly client reports with your logo and colours, emailed on schedule or shared by link.',
  },
  {
    icon: Palette,
    title: 'White-label for agencies',
    text: 'Your brand, your subdomain or custom domain, your client logins. Resell it as your own product.',
  },
];

function HeroPreview() {
  const bars = [38, 52, 44, 61, 58, 72, 69, 84, 78, 92];
  return (
    <div className="relative mx-auto w-full max-w-lg">
      <div className="brand-gradient absolute -inset-6 -z-10 rounded-[2rem] opacity-20 blur-3xl" />
      <div className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-xl shadow-zinc-900/5">
        <div className="flex items-center justify-between">
          <div className="flex items-center gap-3">
            <div className="brand-gradient size-10 rounded-full p-0.5">
              <div className="size-full rounded-full border-2 border-white bg-zinc-100" />
            </div>
            <div>
              <p className="text-sm font-semibold">@bloom.studio</p>
              <p className="text-xs text-zinc-500">Audit · this week</p>
            </div>
          </div>
          <Badge variant="success">
            <TrendingUp /> +12.4%
          </Badge>
        </div>
        <div className="mt-5 grid grid-cols-3 gap-3">
          {[
            ['Engagement', '4.8%'],
            ['Reach', '38.2k'],
            ['Score', '82'],
          ].map(([label, value]) => (
            <div key={label} className="rounded-xl bg-zinc-50 p-3">
              <p className="text-xs text-zinc-500">{label}</p>
              <p className="mt-1 text-lg font-semibold">{value}</p>
            </div>
          ))}
        </div>
        <div className="mt-5 flex h-28 items-end gap-1.5" aria-hidden="true">
          {bars.map((h, i) => (
            <div
              key={i}
              className={cn('flex-1 rounded-t-md', i === bars.length - 1 ? 'brand-gradient' : 'bg-brand/15')}
              style={{ height: `${h}%` }}
            />
          ))}
        </div>
        <div className="mt-5 space-y-2">
          {['Post a carousel at 18:00 (your best slot)', 'Reply to 12 comments from yesterday', 'Try 3 niche hashtags from cluster B'].map(
            (task, i) => (
              <div key={task} className="flex items-center gap-2.5 rounded-lg border border-zinc-100 px-3 py-2 text-sm">
                <span
                  className={cn(
                    'flex size-4 items-center justify-center rounded-full border',
                    i === 0 ? 'border-brand bg-brand text-brand-foreground' : 'border-zinc-300',
                  )}
                >
                  {i === 0 ? <Check className="size-3" /> : null}
                </span>
                <span className={cn(i === 0 && 'text-zinc-500 line-through')}>{task}</span>
              </div>
            ),
          )}
        </div>
      </div>
    </div>
  );
}

export function LandingPage() {
  const [params] = useSearchParams();
  useEffect(() => {
    const code = params.get('ref');
    rememberReferral(code);
    if (code) reportReferralVisit(code);
  }, [params]);

  return (
    <MarketingLayout>
      {/* Hero */}
      <section className="relative overflow-hidden">
        <div className="mx-auto grid max-w-6xl items-center gap-14 px-4 py-16 sm:px-6 md:py-24 lg:grid-cols-2">
          <div>
            <Badge variant="brand" className="mb-5">
              <Sparkles /> Audits · AI content · Growth plans · Reports
            </Badge>
            <h1 className="text-4xl font-semibold tracking-tight text-zinc-950 sm:text-5xl lg:text-6xl">
              Grow every Instagram account you manage, <span className="brand-gradient-text">on autopilot.</span>
            </h1>
            <p className="mt-5 max-w-xl text-lg leading-relaxed text-zinc-600">
              InstaGrowth OS audits accounts, writes on-brand content with AI, plans growth day by day, keeps your inbox answered and
              sends branded reports, all under your agency’s own name.
            </p>
            <div className="mt-8 flex flex-wrap items-center gap-3">
              <Button size="lg" asChild>
                <Link to="/signup">
                  Start free trial <ArrowRight />
                </Link>
              </Button>
              <Button size="lg" variant="outline" asChild>
                <a href="#pricing">See pricing</a>
              </Button>
            </div>
            <p className="mt-4 flex items-center gap-2 text-sm text-zinc-500">
              <ShieldCheck className="size-4 text-emerald-600" /> No credit card needed. Your own workspace in under a minute.
            </p>
          </div>
          <HeroPreview />
        </div>
      </section>

      {/* Features */}
      <section id="features" className="border-t border-zinc-100 bg-zinc-50/60 py-20">
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <div className="mx-auto max-w-2xl text-center">
            <h2 className="text-3xl font-semibold tracking-tight">Everything growth needs, in one workspace</h2>
            <p className="mt-3 text-zinc-600">
              Every number is computed from the account’s own data. AI writes the words around them, never the numbers.
            </p>
          </div>
          <div className="mt-12 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURES.map(({ icon: Icon, title, text }) => (
              <div key={title} className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-xs transition hover:shadow-md">
                <div className="flex size-10 items-center justify-center rounded-xl bg-brand/10 text-brand-ink">
                  <Icon className="size-5" />
                </div>
                <h3 className="mt-4 font-semibold">{title}</h3>
                <p className="mt-2 text-sm leading-relaxed text-zinc-600">{text}</p>
              </div>
            ))}
          </div>
        </div>
      </section>

      {/* Agencies */}
      <section id="agencies" className="py-20">
        <div className="mx-auto grid max-w-6xl items-center gap-12 px-4 sm:px-6 lg:grid-cols-2">
          <div>
            <h2 className="text-3xl font-semibold tracking-tight">Built for agencies that resell under their own brand</h2>
            <p className="mt-3 text-zinc-600">
              Put your name, logo and colours on the app, the emails and every PDF. Invite your team with the right roles, and give
              each client a read-only portal for their own accounts.
            </p>
            <ul className="mt-6 space-y-3 text-sm">
              {[
                'Your subdomain out of the box, your custom domain on the Agency and Enterprise plans',
                'Owner, admin, manager and client roles, enforced on every screen',
                'Monthly client reports emailed automatically',
                'Clients approve or comment on content before it goes live',
              ].map((item) => (
                <li key={item} className="flex items-start gap-3">
                  <span className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-emerald-50 text-emerald-600">
                    <Check className="size-3.5" />
                  </span>
                  {item}
                </li>
              ))}
            </ul>
          </div>
          <div className="grid grid-cols-2 gap-4">
            {[
              { icon: Users, label: 'Client portals', value: 'Read-only, branded' },
              { icon: BarChart3, label: 'Reports', value: 'PDF, scheduled' },
              { icon: Palette, label: 'White-label', value: 'Logo, colours, domain' },
              { icon: ShieldCheck, label: 'Security', value: 'Roles, 2FA for admins' },
            ].map(({ icon: Icon, label, value }) => (
              <div key={label} className="rounded-2xl border border-zinc-200 p-5">
                <Icon className="size-5 text-brand-ink" />
                <p className="mt-3 text-sm font-semibold">{label}</p>
                <p className="text-sm text-zinc-500">{value}</p>
              </div>
            ))}
          </div>
        </div>
      </section>

      {/* Pricing */}
      <section id="pricing" className="border-t border-zinc-100 bg-zinc-50/60 py-20">
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <div className="mx-auto max-w-2xl text-center">
            <h2 className="text-3xl font-semibold tracking-tight">Simple pricing that scales with you</h2>
            <p className="mt-3 text-zinc-600">Every plan starts with a free trial. Upgrade, downgrade or cancel at any time.</p>
          </div>
          <div className="mt-12">
            <PricingSection />
          </div>
        </div>
      </section>

      {/* Final CTA */}
      <section className="py-20">
        <div className="brand-gradient mx-auto max-w-5xl rounded-3xl px-6 py-14 text-center text-white shadow-xl sm:px-12">
          <h2 className="text-3xl font-semibold tracking-tight">Your growth workspace is one minute away</h2>
          <p className="mx-auto mt-3 max-w-xl text-white/85">
            Pick your workspace address, invite your team and connect your first Instagram account.
          </p>
          <Button size="lg" variant="secondary" className="mt-8 bg-white text-zinc-900 hover:bg-white/90" asChild>
            <Link to="/signup">
              Create your workspace <ArrowRight />
            </Link>
          </Button>
        </div>
      </section>
    </MarketingLayout>
  );
}
