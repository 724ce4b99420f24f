import { useMemo, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { ChartColumn, ChartLine, Sparkles } from 'lucide-react';
import { EmptyState } from '@/components/states';
import { formatDate } from '@/lib/utils';
import { engagementPercent, formatCompact, formatCount, formatDay, formatEngagement } from './format';
import type { HistoryPoint, MediaItem } from './types';

/** Recharts draws SVG attributes, so the tenant's brand colours are read from the CSS variables. */
function useBrandColors(): { primary: string; accent: string } {
  return useMemo(() => {
    const style = getComputedStyle(document.documentElement);
    return {
      primary: style.getPropertyValue('--brand-primary').trim() || '#6d28d9',
      accent: style.getPropertyValue('--brand-accent').trim() || '#db2777',
    };
  }, []);
}

const AXIS = { fontSize: 12, fill: '#71717a' } as const;
const ESTIMATE_COLOR = '#d97706';

function ChartTooltipBox({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="max-w-64 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-xs shadow-lg">
      <p className="font-medium text-zinc-900">{title}</p>
      <div className="mt-1 grid gap-0.5 text-zinc-600">{children}</div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

interface FollowerRow {
  day: string;
  followers: number;
  estimated: boolean;
}

function FollowersTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as FollowerRow | undefined;
  if (!active || !row) return null;
  return (
    <ChartTooltipBox title={formatDay(row.day, true)}>
      <p>
        <span className="font-semibold tabular-nums text-zinc-900">{formatCount(row.followers)}</span> followers
        {row.estimated ? <span className="ml-1 font-medium text-amber-700">(estimate)</span> : null}
      </p>
      {row.estimated ? <p>No snapshot was taken this day; the value is interpolated.</p> : null}
    </ChartTooltipBox>
  );
}

/** Followers over time; interpolated days are drawn as hollow amber points and labelled "estimate". */
export function FollowersChart({ history }: { history: HistoryPoint[] }) {
  const colors = useBrandColors();
  const rows = useMemo<FollowerRow[]>(
    () =>
      history
        .filter((h): h is HistoryPoint & { followersCount: number } => h.followersCount !== null)
        .map((h) => ({ day: h.day, followers: h.followersCount, estimated: h.followersEstimated }))
        .sort((a, b) => a.day.localeCompare(b.day)),
    [history],
  );
  const estimates = rows.filter((r) => r.estimated).length;

  if (rows.length === 0) {
    return (
      <EmptyState
        icon={ChartLine}
        className="py-8"
        title="No follower history yet"
        description="A point is added every day the account syncs (or you update a manual account’s numbers)."
      />
    );
  }

  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const values = rows.map((r) => r.followers);
  // Compact ticks ("12.3K") collapse into duplicates when the range is narrow.
  const narrow = Math.max(...values) - Math.min(...values) < 2_000;
  const tick = (v: number) => (narrow ? formatCount(v) : formatCompact(v));
  const showAllDots = rows.length <= 45;
  const summary = `Followers from ${formatCount(first.followers)} on ${formatDay(first.day, true)} to ${formatCount(last.followers)} on ${formatDay(last.day, true)}${estimates ? `; ${estimates} ${estimates === 1 ? 'day is an estimate' : 'days are estimates'}` : ''}.`;

  return (
    <figure className="grid gap-3" data-testid="followers-chart">
      <p className="sr-only">{summary}</p>
      <div aria-hidden="true" className="h-60">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#f4f4f5" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(d: string) => formatDay(d)} tick={AXIS} tickLine={false} axisLine={false} minTickGap={24} />
            <YAxis
              tickFormatter={tick}
              tick={AXIS}
              tickLine={false}
              axisLine={false}
              width={narrow ? 56 : 48}
              domain={['auto', 'auto']}
              allowDecimals={false}
            />
            <Tooltip content={FollowersTooltip} />
            <Line
              type="monotone"
              dataKey="followers"
              name="Followers"
              stroke={colors.primary}
              strokeWidth={2}
              isAnimationActive={false}
              dot={(props) => {
                const row = props.payload as FollowerRow;
                const { cx, cy } = props;
                if (cx === undefined || cy === undefined) return <g key={props.index} />;
                if (row.estimated) {
                  return (
                    <circle
                      key={props.index}
                      cx={cx}
                      cy={cy}
                      r={4}
                      fill="#fff"
                      stroke={ESTIMATE_COLOR}
                      strokeWidth={2}
                      strokeDasharray="2 2"
                      data-estimate="true"
                    />
                  );
                }
                return showAllDots ? <circle key={props.index} cx={cx} cy={cy} r={2.5} fill={colors.primary} /> : <g key={props.index} />;
              }}
              activeDot={{ r: 5 }}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-500">
        <span className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-full" style={{ background: colors.primary }} aria-hidden="true" /> Measured
        </span>
        <span className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-full border-2 border-dashed bg-white" style={{ borderColor: ESTIMATE_COLOR }} aria-hidden="true" />
          Estimate{estimates ? ` (${estimates} ${estimates === 1 ? 'day' : 'days'})` : ''}
        </span>
        {estimates ? <span>Estimates fill days without a snapshot; they are not measured values.</span> : null}
      </figcaption>
    </figure>
  );
}

// ---------------------------------------------------------------------------------------------

interface ReachRow {
  day: string;
  reach: number;
}

function ReachTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as ReachRow | undefined;
  if (!active || !row) return null;
  return (
    <ChartTooltipBox title={formatDay(row.day, true)}>
      <p>
        <span className="font-semibold tabular-nums text-zinc-900">{formatCount(row.reach)}</span> accounts reached
      </p>
    </ChartTooltipBox>
  );
}

export function ReachChart({ history, manual }: { history: HistoryPoint[]; manual: boolean }) {
  const colors = useBrandColors();
  const rows = useMemo<ReachRow[]>(
    () =>
      history
        .filter((h): h is HistoryPoint & { reach: number } => h.reach !== null)
        .map((h) => ({ day: h.day, reach: h.reach }))
        .sort((a, b) => a.day.localeCompare(b.day)),
    [history],
  );
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={ChartColumn}
        className="py-8"
        title="No reach data yet"
        description={
          manual
            ? 'Instagram only shares reach with connected professional accounts. Reach from imported posts shows on each post instead.'
            : 'Daily reach appears after the account has synced for a day. It needs the insights permission.'
        }
      />
    );
  }
  const total = rows.reduce((sum, r) => sum + r.reach, 0);
  const peak = rows.reduce((a, b) => (b.reach > a.reach ? b : a));
  return (
    <figure className="grid gap-3" data-testid="reach-chart">
      <p className="sr-only">{`Reach on ${rows.length} days, ${formatCount(total)} in total; highest ${formatCount(peak.reach)} on ${formatDay(peak.day, true)}.`}</p>
      <div aria-hidden="true" className="h-60">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#f4f4f5" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(d: string) => formatDay(d)} tick={AXIS} tickLine={false} axisLine={false} minTickGap={24} />
            <YAxis tickFormatter={(v: number) => formatCompact(v)} tick={AXIS} tickLine={false} axisLine={false} width={48} allowDecimals={false} />
            <Tooltip content={ReachTooltip} cursor={{ fill: '#f4f4f5' }} />
            <Bar dataKey="reach" name="Reach" fill={colors.accent} radius={[3, 3, 0, 0]} maxBarSize={48} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-zinc-500">Accounts reached per day · {formatCount(total)} in the period shown</figcaption>
    </figure>
  );
}

// ---------------------------------------------------------------------------------------------

interface EngagementRow {
  id: string;
  timestamp: string;
  rate: number;
  pct: number;
  caption: string | null;
}

function EngagementTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as EngagementRow | undefined;
  if (!active || !row) return null;
  return (
    <ChartTooltipBox title={formatDate(row.timestamp)}>
      <p>
        <span className="font-semibold tabular-nums text-zinc-900">{formatEngagement(row.rate)}</span> engagement
      </p>
      {row.caption ? <p className="line-clamp-2">{row.caption}</p> : null}
    </ChartTooltipBox>
  );
}

/** One bar per post, oldest first; posts without an engagement rate are left out. */
export function EngagementChart({ media }: { media: MediaItem[] }) {
  const colors = useBrandColors();
  const rows = useMemo<EngagementRow[]>(
    () =>
      media
        .flatMap((m) => {
          const pct = engagementPercent(m.engagementRate);
          return pct === null || m.engagementRate === null
            ? []
            : [{ id: m.id, timestamp: m.timestamp, rate: m.engagementRate, pct, caption: m.caption }];
        })
        .sort((a, b) => a.timestamp.localeCompare(b.timestamp)),
    [media],
  );
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={Sparkles}
        className="py-8"
        title="No engagement data yet"
        description="Engagement is computed per post from likes, comments, saves and shares. It appears once posts are synced or imported."
      />
    );
  }
  const average = rows.reduce((sum, r) => sum + r.rate, 0) / rows.length;
  const best = rows.reduce((a, b) => (b.rate > a.rate ? b : a));
  return (
    <figure className="grid gap-3" data-testid="engagement-chart">
      <p className="sr-only">{`Engagement rate of ${rows.length} posts; average ${formatEngagement(average)}, best ${formatEngagement(best.rate)} on ${formatDate(best.timestamp)}.`}</p>
      <div aria-hidden="true" className="h-60">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#f4f4f5" vertical={false} />
            <XAxis
              dataKey="timestamp"
              tickFormatter={(t: string) => formatDay(t)}
              tick={AXIS}
              tickLine={false}
              axisLine={false}
              minTickGap={16}
            />
            <YAxis tickFormatter={(v: number) => `${Number(v.toFixed(1))}%`} tick={AXIS} tickLine={false} axisLine={false} width={48} />
            <Tooltip content={EngagementTooltip} cursor={{ fill: '#f4f4f5' }} />
            <Bar dataKey="pct" name="Engagement rate" radius={[3, 3, 0, 0]} maxBarSize={48} isAnimationActive={false}>
              {rows.map((row) => (
                <Cell key={row.id} fill={colors.primary} fillOpacity={row.rate >= average ? 1 : 0.4} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-zinc-500">
        Engagement rate by post date · average {formatEngagement(average)} · darker bars are above average
      </figcaption>
    </figure>
  );
}
