import type { ReactNode } from 'react';
import { Card, CardAction, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

/** One titled card of the account page. */
export function Section({
  title,
  description,
  action,
  children,
  testId,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card className="gap-4" data-testid={testId}>
      <CardHeader>
        <h2 className="text-base font-semibold leading-tight tracking-tight">{title}</h2>
        {description ? <CardDescription>{description}</CardDescription> : null}
        {/* On a phone the action goes under the description instead of squeezing it. */}
        {action ? <CardAction className="max-sm:col-start-1 max-sm:row-span-1 max-sm:row-start-3 max-sm:mt-2 max-sm:justify-self-start">{action}</CardAction> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export function ChartSkeleton() {
  return <Skeleton className="h-60 w-full rounded-lg" aria-label="Loading" />;
}

