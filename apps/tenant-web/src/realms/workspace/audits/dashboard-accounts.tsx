import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ArrowDownUp } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { Delta, metricValue } from './audit-bits';
import { useDashboard, type DashboardRow } from './queries';

type SortKey = 'username' | 'followers' | 'change' | 'reach' | 'engagement' | 'score';
const value = (r: DashboardRow, k: SortKey): number | string | null =>
  k === 'username' ? r.username : k === 'followers' ? metricValue(r.followers) : k === 'change' ? metricValue(r.followerChange28d) : k === 'reach' ? metricValue(r.dailyReach28d) : k === 'engagement' ? metricValue(r.engagementMedian) : (r.latestAudit?.score ?? null);
const num = (v: number | null, digits = 0) => (v === null ? '–' : v.toLocaleString(undefined, { maximumFractionDigits: digits }));

function Sparkline({ points }: { points: { followers: number }[] }) {
  if (points.length < 2) return <span className="text-zinc-500">–</span>;
  const ys = points.map((p) => p.followers);
  const min = Math.min(...ys);
  const span = Math.max(...ys) - min || 1;
  const d = ys.map((y, i) => `${(i / (ys.length - 1)) * 80},${20 - ((y - min) / span) * 18 - 1}`).join(' ');
  return (
    <svg width="80" height="20" viewBox="0 0 80 20" role="img" aria-label="Followers, last 28 days">
      <polyline points={d} fill="none" stroke="currentColor" strokeWidth="1.5" className="text-brand" />
    </svg>
  );
}

/** Per-account numbers from the growth engine (the same figures the audits use), sortable. */
export function DashboardAccounts() {
  const dash = useDashboard();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'followers', desc: true });
  const rows = useMemo(() => {
    const list = [...(dash.data?.data ?? [])];
    list.sort((a, b) => {
      const x = value(a, sort.key);
      const y = value(b, sort.key);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * (sort.desc ? -1 : 1);
    });
    return list;
  }, [dash.data, sort]);
  if (dash.isPending) return <Skeleton className="h-40 w-full rounded-xl" aria-label="Loading" />;
  if (!rows.length) return null;
  const Th = ({ k, children }: { k: SortKey; children: string }) => (
    <th className="whitespace-nowrap px-3 py-2 text-left font-medium" aria-sort={sort.key === k ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="inline-flex items-center gap-1 hover:text-zinc-900" onClick={() => setSort({ key: k, desc: sort.key === k ? !sort.desc : true })}>
        {children} <ArrowDownUp className="size-3" />
      </button>
    </th>
  );
  return (
    <Card data-testid="dashboard-accounts">
      <CardHeader>
        <CardTitle>Accounts at a glance</CardTitle>
        <CardDescription>Followers and 28-day change, mean daily reach, median engagement against the tier’s band, latest audit score.</CardDescription>
      </CardHeader>
      <CardContent className="overflow-x-auto px-0">
        <table className="w-full text-sm">
          <thead className="text-zinc-500">
            <tr>
              <Th k="username">Account</Th>
              <Th k="followers">Followers</Th>
              <Th k="change">28 days</Th>
              <Th k="reach">Reach / day</Th>
              <Th k="engagement">Engagement</Th>
              <Th k="score">Audit</Th>
              <th className="px-3 py-2 text-left font-medium">Trend</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map((r) => (
              <tr key={r.accountId}>
                <td className="px-3 py-2">
                  <Link to={`/accounts/${r.accountId}`} className="font-medium hover:underline">@{r.username}</Link>
                </td>
                <td className="px-3 py-2">{num(metricValue(r.followers))}</td>
                <td className="px-3 py-2"><Delta value={metricValue(r.followerChange28d)} /></td>
                <td className="px-3 py-2">{num(metricValue(r.dailyReach28d))}</td>
                <td className="px-3 py-2">
                  {metricValue(r.engagementMedian) === null ? '–' : `${num(metricValue(r.engagementMedian), 2)} %`}
                  {r.band ? <span className="ml-1 text-xs text-zinc-500">({r.tier}: {r.band.low}–{r.band.high} %{r.position ? `, ${r.position}` : ''})</span> : null}
                </td>
                <td className="px-3 py-2">
                  {r.latestAudit ? (
                    <Link to={`/audits/${r.latestAudit.id}`} className="hover:underline">
                      {r.latestAudit.score === null ? 'not enough data' : Math.round(r.latestAudit.score)} <Delta value={r.latestAudit.change} />
                    </Link>
                  ) : (
                    <span className="text-zinc-500">none yet</span>
                  )}
                </td>
                <td className="px-3 py-2"><Sparkline points={r.sparkline} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}
