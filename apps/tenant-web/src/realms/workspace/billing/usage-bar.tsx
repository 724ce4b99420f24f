import { cn } from '@/lib/utils';

/** "3 of 5 accounts" with a bar; unlimited shows the count alone. */
export function UsageBar({ label, used, limit, unit }: { label: string; used: number; limit: number | null; unit: string }) {
  const pct = limit === null ? 0 : limit === 0 ? (used > 0 ? 100 : 0) : Math.min(100, Math.round((used / limit) * 100));
  const over = limit !== null && used > limit;
  // A limit of 0 with nothing used is a feature the plan does not include, not a full quota.
  const text = limit === null ? `${used} ${unit} (unlimited)` : limit === 0 && used === 0 ? 'Not included in this plan' : `${used} of ${limit} ${unit}`;
  return (
    <div data-testid={`usage-${unit.replace(/\s+/g, '-')}`}>
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium">{label}</span>
        <span className={cn('text-zinc-600', over && 'font-medium text-red-700')}>{text}</span>
      </div>
      <div className="mt-1.5 h-2 overflow-hidden rounded-full bg-zinc-100" role="progressbar" aria-label={label} aria-valuenow={used} aria-valuemin={0} aria-valuemax={limit ?? undefined}>
        <div className={cn('h-full rounded-full', over ? 'bg-red-500' : pct >= 90 ? 'bg-amber-500' : 'bg-brand')} style={{ width: `${limit === null ? 8 : pct}%` }} />
      </div>
    </div>
  );
}
