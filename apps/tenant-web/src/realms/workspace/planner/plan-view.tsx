import { useState } from 'react';
import { Download, Link2, RefreshCw } from 'lucide-react';
import type { GrowthPlan } from '@instagrowth/contracts';
import { asSubject } from '@instagrowth/authz';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { cn, formatDate } from '@/lib/utils';
import { useAbility } from '../ability';
import { downloadFile } from '../content/queries';
import { usePlanShareLinks, useRegenerateDay, useRevokePlanShareLink, useSharePlan, useUpdateTask } from './queries';
import { SendForApproval } from '../approvals/send-for-approval';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const SOURCES: Record<string, string> = { own_posts: 'the account’s own posts', online_followers: 'when followers are online', tier_prior: 'a generic prior (not enough own data yet)' };

/** Weekday × hour grid; darker = better; grey = no data. */
export function HeatMap({ plan }: { plan: GrowthPlan }) {
  const values = plan.bestTimes.grid.flat().filter((v): v is number => v !== null);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return (
    <div role="group" aria-label="Best posting times heat map" className="overflow-x-auto">
      <p className="mb-2 text-sm text-zinc-500" data-testid="heatmap-source">
        Source: {SOURCES[plan.bestTimes.source] ?? plan.bestTimes.source} · sample size {plan.bestTimes.sampleSize} · {plan.timeZone}
      </p>
      <div className="grid gap-px" style={{ gridTemplateColumns: '32px repeat(24, minmax(10px, 1fr))' }}>
        {plan.bestTimes.grid.map((row, d) => [
          <span key={`l${d}`} className="text-xs text-zinc-500">
            {DAYS[d]}
          </span>,
          ...row.map((v, h) => (
            <span
              key={`${d}-${h}`}
              title={`${DAYS[d]} ${String(h).padStart(2, '0')}:00: ${v === null ? 'no data' : v.toFixed(2)}`}
              className="h-4 rounded-sm"
              style={{ background: v === null ? '#f3f4f6' : `color-mix(in srgb, var(--brand, #6d28d9) ${Math.round(10 + (hi === lo ? 50 : (90 * (v - lo)) / (hi - lo)))}%, white)` }}
            />
          )),
        ])}
      </div>
    </div>
  );
}

const GOAL_LABELS: Record<string, string> = { followers: 'Followers', reach: 'Daily reach', engagement: 'Engagement rate (%)' };

function Goals({ plan }: { plan: GrowthPlan }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm [&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1 [&_th]:font-medium">
        <thead>
          <tr className="text-left text-zinc-500">
            <th>Week</th>
            <th>Goal</th>
            <th className="text-right">Baseline</th>
            <th className="text-right">Target</th>
            <th className="text-right">Now</th>
            <th>Progress</th>
          </tr>
        </thead>
        <tbody>
          {plan.goals.map((g) => (
            <tr key={`${g.week}-${g.metric}`} title={g.basis}>
              <td>{g.week}</td>
              <td>{GOAL_LABELS[g.metric] ?? `${g.metric} (${g.unit})`}</td>
              <td className="text-right tabular-nums">{g.baseline ?? '–'}</td>
              <td className="text-right tabular-nums">{g.target ?? '–'}</td>
              <td className="text-right tabular-nums">{g.current ?? '–'}</td>
              <td className="whitespace-nowrap">
                {g.progress === null ? (
                  <span className="text-zinc-500">no data yet</span>
                ) : (
                  <div className="h-2 w-24 rounded bg-zinc-100">
                    <div className="h-2 rounded bg-brand" style={{ width: `${g.progress}%` }} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The calendar: one cell per day; drag a task onto another day to move it. */
export function PlanView({ plan }: { plan: GrowthPlan }) {
  const ability = useAbility();
  const canEdit = ability.can('update', asSubject('Plan', { accountId: plan.accountId }));
  const update = useUpdateTask(plan.id);
  const regen = useRegenerateDay(plan.id);
  const share = useSharePlan(plan.id);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const [over, setOver] = useState<number | null>(null);
  const days = Array.from({ length: plan.days }, (_, i) => i + 1);
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <Badge data-testid="plan-progress">
          {plan.progress.done} / {plan.progress.total} tasks done
        </Badge>
        <span className="text-sm text-zinc-500">
          Starts {formatDate(`${plan.startDate}T12:00:00`)} · {plan.days} days ·{' '}
          <span data-testid="plan-basis">
            {plan.basisAudit ? `built from the audit of ${plan.basisAudit.completedAt.slice(0, 10)}` : 'built from the account’s stored data (not from an audit)'}
          </span>
        </span>
        <Button
          variant="outline"
          size="sm"
          className="ml-auto"
          onClick={() => {
            setPdfError(null);
            downloadFile(`/api/growth-plans/${plan.id}/pdf`, 'growth-plan.pdf').catch(setPdfError);
          }}
        >
          <Download /> Export PDF
        </Button>
        {canEdit ? (
          <Button variant="outline" size="sm" loading={share.isPending} onClick={() => share.mutate(undefined, { onSuccess: (l) => void navigator.clipboard?.writeText(l.url).catch(() => undefined) })}>
            <Link2 /> Share link
          </Button>
        ) : null}
      </div>
      {share.data ? (
        <p className="text-sm" data-testid="plan-share-url">
          Anyone with this link sees the plan in your branding for 30 days (copied):{' '}
          <a className="break-all text-brand-ink underline" href={share.data.url} target="_blank" rel="noreferrer">
            {share.data.url}
          </a>
        </p>
      ) : null}
      {share.error ? <ApiErrorAlert error={share.error} /> : null}
      {canEdit ? <PlanShareLinks planId={plan.id} /> : null}
      {pdfError ? <ApiErrorAlert error={pdfError} /> : null}
      <SendForApproval subjectType="plan" subjectId={plan.id} accountId={plan.accountId} />
      {update.error || regen.error ? <ApiErrorAlert error={update.error ?? regen.error} /> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Best posting times</CardTitle>
          </CardHeader>
          <CardContent>
            <HeatMap plan={plan} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Goals and progress</CardTitle>
          </CardHeader>
          <CardContent>
            <Goals plan={plan} />
            <p className="mt-3 text-sm text-zinc-500">
              Content mix:{' '}
              {plan.mix.available ? plan.mix.targets.map((m) => `${m.format} ${m.targetShare} %`).join(' · ') : `not enough data (${plan.mix.reason ?? ''}); formats rotate`}
            </p>
          </CardContent>
        </Card>
      </div>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3 lg:grid-cols-7" role="group" aria-label="Plan calendar">
        {days.map((day) => {
          const tasks = plan.tasks.filter((t) => t.day === day);
          const date = tasks[0]?.date ?? addDays(plan.startDate, day - 1);
          return (
            <div
              key={day}
              data-testid={`plan-day-${day}`}
              onDragOver={(e) => {
                if (!canEdit) return;
                e.preventDefault();
                setOver(day);
              }}
              onDragLeave={() => setOver(null)}
              onDrop={(e) => {
                e.preventDefault();
                setOver(null);
                const taskId = e.dataTransfer.getData('text/plain');
                if (taskId) update.mutate({ taskId, day });
              }}
              className={cn('min-h-32 rounded-lg border border-zinc-200 p-2', over === day && 'border-brand bg-brand/5')}
            >
              <div className="mb-1 flex items-center justify-between text-xs text-zinc-500">
                <span>
                  Day {day} · {date}
                </span>
                {canEdit ? (
                  <button type="button" aria-label={`Regenerate day ${day}`} title="Regenerate this day (done tasks stay)" onClick={() => regen.mutate(day)}>
                    <RefreshCw className="size-3" />
                  </button>
                ) : null}
              </div>
              <ul className="grid gap-1">
                {tasks.map((t) => (
                  <li
                    key={t.id}
                    data-testid="plan-task"
                    draggable={canEdit}
                    onDragStart={(e) => e.dataTransfer.setData('text/plain', t.id)}
                    className={cn('rounded border border-zinc-100 bg-white p-1 text-xs', t.done && 'opacity-60')}
                    title={t.details}
                  >
                    <label className="flex items-start gap-1">
                      <input type="checkbox" aria-label={`Done: ${t.title} (day ${day})`} checked={t.done} disabled={!canEdit} onChange={(e) => update.mutate({ taskId: t.id, done: e.target.checked })} />
                      <span className={cn(t.done && 'line-through')}>
                        {t.title}
                        {t.suggestedTime ? ` · ${t.suggestedTime}` : ''}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The plan's live share links, each with its opens and a way to turn it off. */
function PlanShareLinks({ planId }: { planId: string }) {
  const links = usePlanShareLinks(planId, true);
  const revoke = useRevokePlanShareLink(planId);
  const live = links.data?.data.filter((l) => !l.revokedAt && Date.parse(l.expiresAt) > Date.now()) ?? [];
  if (links.error) return <ApiErrorAlert error={links.error} />;
  if (!live.length) return null;
  return (
    <ul className="grid gap-1 text-sm" aria-label="Share links" data-testid="plan-share-links">
      {live.map((l) => (
        <li key={l.id} className="flex flex-wrap items-center gap-2">
          <span>
            Link from {l.createdAt.slice(0, 10)} · opened {l.openCount}× · until {l.expiresAt.slice(0, 10)}
          </span>
          <Button size="sm" variant="ghost" loading={revoke.isPending && revoke.variables === l.id} onClick={() => revoke.mutate(l.id)}>
            Turn off
          </Button>
        </li>
      ))}
      {revoke.error ? <ApiErrorAlert error={revoke.error} /> : null}
    </ul>
  );
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
