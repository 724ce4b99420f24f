import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ArrowLeft, Copy, Download, Link2, ShieldAlert, Sparkles, Trash2 } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toaster';
import { errorMessage } from '@/components/api-error-alert';
import { EmptyState, ErrorState } from '@/components/states';
import { asSubject } from '@instagrowth/authz';
import { formatDateTime } from '@/lib/utils';
import { useAbility } from '../ability';
import { Delta, Gauge, MetricDetails, metricValue } from './audit-bits';
import { AuditHistoryList } from './audit-history';
import { downloadAuditPdf, useAudit, useCreateShareLink, useRevokeShareLink, useRoadmapTicks, useSetRoadmapTick, useShareLinks, type AuditView } from './queries';

const AREA: Record<string, string> = { engagement: 'Engagement', consistency: 'Consistency', growth: 'Growth', content: 'Content', risk: 'Risk' };
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function AuditProgress({ audit }: { audit: AuditView }) {
  return (
    <div data-testid="audit-progress">
      <div className="flex justify-between text-sm text-zinc-600">
        <span>{audit.progress.step}</span>
        <span>{audit.progress.percent} %</span>
      </div>
      <div className="mt-2 h-2 overflow-hidden rounded-full bg-zinc-100" role="progressbar" aria-label="Audit progress" aria-valuenow={audit.progress.percent} aria-valuemin={0} aria-valuemax={100}>
        <div className="brand-gradient h-full rounded-full transition-all" style={{ width: `${Math.max(audit.progress.percent, 4)}%` }} />
      </div>
    </div>
  );
}

function Scores({ audit }: { audit: AuditView }) {
  const r = audit.result!;
  const narrative = new Map(audit.narrative?.areas.map((a) => [a.area, a.text]));
  return (
    <Card data-testid="scores">
      <CardHeader>
        <CardTitle>Scores</CardTitle>
        <CardDescription>Each score is 0–100 and comes with the formula and inputs behind it.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6">
        <div className="flex flex-col items-center text-center">
          <Gauge value={metricValue(r.overall.score)} label="Overall" size={112} />
          <p className="font-semibold">Overall <Delta value={r.overall.change} /></p>
          <MetricDetails metric={r.overall.score} />
        </div>
        {r.scores.map((s) => (
          <div key={s.area} className="flex flex-col items-center text-center" data-testid={`score-${s.area}`}>
            <Gauge value={metricValue(s.score)} label={AREA[s.area]} />
            <p className="font-medium">{AREA[s.area]} <Delta value={s.change} /></p>
            <p className="mt-1 text-xs text-zinc-500">{narrative.get(s.area) ?? s.explanation}</p>
            <MetricDetails metric={s.score} />
          </div>
        ))}
      </CardContent>
    </Card>
  );
}

function Risk({ audit }: { audit: AuditView }) {
  const risk = audit.result!.risk;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Distribution risk <Badge variant="outline">estimate</Badge></CardTitle>
        {/* The engine's label already says it is an estimate from evidence, never a verdict. */}
        <CardDescription>{risk.label}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {risk.factors.map((f) => (
          <div key={f.id} className="rounded-lg border border-zinc-200 p-3">
            <div className="flex items-center justify-between gap-2">
              <p className="font-medium">{f.label}</p>
              <Badge variant={f.severity >= 0.5 ? 'destructive' : 'secondary'}>{f.severity >= 0.5 ? 'high' : f.severity > 0 ? 'some' : 'none'}</Badge>
            </div>
            <MetricDetails metric={f.evidence} summary="Evidence" />
          </div>
        ))}
      </CardContent>
    </Card>
  );
}

function Recommendations({ audit }: { audit: AuditView }) {
  const r = audit.result!;
  const text = new Map(audit.narrative?.recommendations.map((x) => [x.id, x.text]));
  return (
    <Card data-testid="recommendations">
      <CardHeader>
        <CardTitle>Recommendations</CardTitle>
        <CardDescription>In priority order; each names the numbers that triggered it.</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-3">
          {r.recommendations.map((rec, i) => (
            <li key={rec.id} className="rounded-lg border border-zinc-200 p-3">
              <p className="font-medium">{i + 1}. {rec.title}</p>
              <p className="mt-1 text-sm text-zinc-600">{text.get(rec.id) ?? rec.detail}</p>
              {/* The panel names the metric id inside; the summary stays readable. */}
              {rec.evidence.map((id, j) => (
                <MetricDetails key={id} metric={r.evidence[id]} summary={rec.evidence.length > 1 ? `Evidence ${j + 1}` : 'Evidence'} />
              ))}
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}

function Roadmap({ audit }: { audit: AuditView }) {
  const ability = useAbility();
  const canTick = ability.can('update', asSubject('Audit', { accountId: audit.accountId }));
  const ticks = useRoadmapTicks(audit.id);
  const setTick = useSetRoadmapTick(audit.id);
  const done = new Set(ticks.data?.days ?? []);
  const toggle = (day: number) => setTick.mutate({ day, done: !done.has(day) });
  return (
    <Card>
      <CardHeader>
        <CardTitle>30-day roadmap</CardTitle>
        <CardDescription>Tick off each day as you go (saved for the whole team).</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 md:grid-cols-2">
        {ticks.error || setTick.error ? <p className="text-sm text-red-700 md:col-span-2">{errorMessage(ticks.error ?? setTick.error)}</p> : null}
        {audit.result!.roadmap.map((w) => (
          <div key={w.week}>
            <p className="font-medium">Week {w.week}: {w.theme}</p>
            <ul className="mt-2 grid gap-1">
              {w.days.map((d) => (
                <li key={d.day}>
                  <label className="flex items-start gap-2 text-sm">
                    <input type="checkbox" className="mt-1" checked={done.has(d.day)} disabled={!canTick || ticks.isPending} onChange={() => toggle(d.day)} />
                    <span className={done.has(d.day) ? 'text-zinc-500 line-through' : ''}>Day {d.day}: {d.action}</span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </CardContent>
    </Card>
  );
}

function ShareLinks({ audit }: { audit: AuditView }) {
  const links = useShareLinks(audit.id, true);
  const create = useCreateShareLink(audit.id);
  const revoke = useRevokeShareLink(audit.id);
  const [created, setCreated] = useState<string | null>(null);
  const copy = async (url: string) => {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    toast({ title: 'Link copied', variant: 'success' });
  };
  return (
    <Card data-testid="share-links">
      <CardHeader>
        <CardTitle>Share links</CardTitle>
        <CardDescription>Anyone with a link sees this report without logging in, until it expires (30 days) or you revoke it.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <div>
          <Button
            variant="outline"
            disabled={create.isPending}
            onClick={() =>
              create.mutate(30, {
                onSuccess: (link) => setCreated(link.url),
                onError: (e) => toast({ title: 'Could not create a link', description: errorMessage(e), variant: 'error' }),
              })
            }
          >
            <Link2 /> Share link
          </Button>
        </div>
        {created ? (
          <div className="flex items-center gap-2 rounded-md bg-zinc-50 p-2 text-sm">
            <code className="min-w-0 flex-1 truncate" data-testid="share-url">{created}</code>
            <Button size="sm" variant="ghost" onClick={() => copy(created)} aria-label="Copy link">
              <Copy />
            </Button>
          </div>
        ) : null}
        <ul className="grid gap-2 text-sm">
          {links.data?.data.map((l) => (
            <li key={l.id} className="flex items-center justify-between gap-2 rounded-md border border-zinc-200 p-2">
              <span>
                {l.revokedAt ? 'Revoked' : `Expires ${formatDateTime(l.expiresAt)}`} · opened {l.openCount}×{l.lastOpenedAt ? `, last ${formatDateTime(l.lastOpenedAt)}` : ''}
              </span>
              {!l.revokedAt ? (
                <Button size="sm" variant="ghost" onClick={() => revoke.mutate(l.id)} aria-label="Revoke link">
                  <Trash2 /> Revoke
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function Finished({ audit }: { audit: AuditView }) {
  const ability = useAbility();
  const r = audit.result!;
  const canShare = ability.can('update', asSubject('Audit', { accountId: audit.accountId }));
  const [downloading, setDownloading] = useState(false);
  return (
    <div className="grid gap-6">
      {r.notEnoughData ? (
        <Alert data-testid="not-enough-data">
          <AlertTitle>Not enough data yet</AlertTitle>
          <AlertDescription>{r.overall.score.status === 'insufficient_data' ? `An overall score needs ${r.overall.score.need}.` : ''} The scores below that have data are still shown; import more posts or wait for the next syncs, then run a new audit.</AlertDescription>
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Summary</CardTitle>
          <CardDescription>
            {audit.source === 'offline' ? <Badge variant="secondary" data-testid="offline-badge">Written without AI</Badge> : <Badge variant="outline"><Sparkles className="size-3" /> Written with AI from the computed numbers</Badge>}
            {audit.narrativeFallback ? <span className="ml-2 text-xs">The AI’s text used numbers that were not computed, so it was replaced.</span> : null}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <p data-testid="audit-summary">{audit.narrative?.summary}</p>
          <div className="mt-4 flex flex-wrap gap-2">
            <Button
              disabled={downloading}
              onClick={async () => {
                setDownloading(true);
                try {
                  await downloadAuditPdf(audit.id, `audit-${audit.username}.pdf`);
                } catch (e) {
                  toast({ title: 'Download failed', description: errorMessage(e), variant: 'error' });
                } finally {
                  setDownloading(false);
                }
              }}
            >
              <Download /> Download PDF
            </Button>
          </div>
        </CardContent>
      </Card>
      <Scores audit={audit} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Risk audit={audit} />
        <Card>
          <CardHeader>
            <CardTitle>Best times to post</CardTitle>
            <CardDescription>In the account’s time zone ({r.timeZone}); source: {r.bestTimes.source.replace('_', ' ')}, {r.bestTimes.sampleSize} samples.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-1 text-sm">
              {r.bestTimes.slots.map((s) => (
                <li key={`${s.weekday}-${s.hour}`}>{WEEKDAYS[s.weekday]} {String(s.hour).padStart(2, '0')}:00</li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>
      <Recommendations audit={audit} />
      <Roadmap audit={audit} />
      {canShare ? <ShareLinks audit={audit} /> : null}
      <AuditHistoryList accountId={audit.accountId} currentId={audit.id} />
    </div>
  );
}

export default function AuditPage() {
  const { auditId = '' } = useParams();
  const audit = useAudit(auditId);
  if (audit.isPending) return <Skeleton className="h-64 w-full rounded-xl" aria-label="Loading" />;
  if (audit.isError) return <ErrorState error={audit.error} onRetry={() => audit.refetch()} />;
  const a = audit.data;
  return (
    <div className="grid gap-6">
      <div>
        <Button variant="ghost" size="sm" className="-ml-2 mb-2 text-zinc-500" asChild>
          <Link to={`/accounts/${a.accountId}`}>
            <ArrowLeft /> @{a.username}
          </Link>
        </Button>
        <h1 className="text-2xl font-semibold tracking-tight">Audit of @{a.username}</h1>
        <p className="text-sm text-zinc-500">{formatDateTime(a.createdAt)}</p>
      </div>
      {a.status === 'queued' || a.status === 'running' ? (
        <Card>
          <CardContent>
            <AuditProgress audit={a} />
          </CardContent>
        </Card>
      ) : a.status === 'failed' ? (
        <EmptyState icon={ShieldAlert} title="This audit failed" description={a.error ?? 'Something went wrong. Nothing was charged; run it again.'} />
      ) : (
        <Finished audit={a} />
      )}
    </div>
  );
}
