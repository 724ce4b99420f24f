import { Link } from 'react-router-dom';
import { ArrowLeft, Check } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { PageHeader } from '@/components/states';
import { useAbility } from './ability';
import { COMING_SOON, type FeatureId } from './features';
import { NoAccessState } from './no-access';

/** A section that is not built yet still explains what it will do. */
export function ComingSoonPage({ feature }: { feature: FeatureId }) {
  const ability = useAbility();
  const info = COMING_SOON[feature];
  const Icon = info.icon;

  if (!ability.can(info.can[0], info.can[1])) return <NoAccessState />;

  return (
    <>
      <PageHeader title={info.title} />
      <Card className="overflow-hidden py-0" data-testid="coming-soon">
        <CardContent className="grid gap-8 p-0 md:grid-cols-[1fr_1.2fr]">
          <div className="brand-gradient flex flex-col items-start justify-center gap-4 p-8 text-white">
            <span className="flex size-12 items-center justify-center rounded-2xl bg-white/15">
              <Icon className="size-6" />
            </span>
            <Badge className="border-white/30 bg-white/15 text-white">Coming soon</Badge>
            <p className="text-lg font-medium leading-snug">{info.pitch}</p>
          </div>
          <div className="p-8">
            <h2 className="text-sm font-semibold text-zinc-900">What you will be able to do</h2>
            <ul className="mt-4 grid gap-3 text-sm text-zinc-600">
              {info.points.map((point) => (
                <li key={point} className="flex gap-3">
                  <span className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-brand/10 text-brand-ink">
                    <Check className="size-3.5" />
                  </span>
                  {point}
                </li>
              ))}
            </ul>
            <p className="mt-6 text-sm text-zinc-500">
              We are building this section now. Everything you set up in the meantime (your team, your accounts) carries over.
            </p>
            <Button variant="outline" className="mt-6" asChild>
              <Link to="/">
                <ArrowLeft /> Back to dashboard
              </Link>
            </Button>
          </div>
        </CardContent>
      </Card>
    </>
  );
}
