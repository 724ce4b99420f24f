import { AUDIT_AREAS, type AuditView } from '@instagrowth/contracts';
import type { Audit } from '@instagrowth/growth-engine';
import { collectMetrics } from './audit-report.js';
import type { AuditRow, ShareLinkRow } from './audits.entity.js';

export const AUDIT_COST = 1;
export const SHARE_TOKEN_BYTES = 24; // 192 bits

const scoreOf = (a: Audit | null, area: (typeof AUDIT_AREAS)[number] | 'overall'): number | null => {
  if (!a) return null;
  const m = area === 'overall' ? a.overall.score : a.scores[area].score;
  return m.status === 'ok' ? Math.round(m.value * 10) / 10 : null;
};
const diff = (now: number | null, before: number | null) => (now === null || before === null ? null : Math.round((now - before) * 10) / 10);

/** Score changes of `audit` against the previous completed one (null where either lacks the score). */
export function scoreChanges(audit: Audit | null, previous: Audit | null): Record<string, number | null> {
  return Object.fromEntries([...AUDIT_AREAS, 'overall' as const].map((a) => [a, diff(scoreOf(audit, a), scoreOf(previous, a))]));
}

export function toAuditView(row: AuditRow, previous: AuditRow | null): AuditView {
  const a = row.result;
  const changes = scoreChanges(a, previous?.result ?? null);
  return {
    id: row.id,
    accountId: row.accountId,
    username: row.username,
    status: row.status,
    progress: { percent: row.percent, step: row.step, steps: row.steps },
    source: row.source,
    narrativeFallback: row.narrativeFallback,
    credits: row.credits,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    narrative: row.narrative,
    result: a
      ? {
          computedAt: a.computedAt,
          timeZone: a.timeZone,
          overall: { score: a.overall.score, explanation: a.overall.explanation, change: changes.overall },
          scores: AUDIT_AREAS.map((area) => ({ area, score: a.scores[area].score, explanation: a.scores[area].explanation, change: changes[area] })),
          diagnosis: a.diagnosis,
          recommendations: [...a.recommendations].sort((x, y) => x.priority - y.priority),
          roadmap: a.roadmap,
          risk: { estimate: true, label: a.risk.label, level: a.risk.level, score: a.risk.score, factors: a.risk.factors },
          bestTimes: { source: a.bestTimes.source, sampleSize: a.bestTimes.sampleSize, slots: a.bestTimes.slots.slice(0, 5) },
          evidence: Object.fromEntries(collectMetrics(a).map((m) => [m.id, m])),
          followers: a.growth.series.points,
          notEnoughData: a.overall.score.status !== 'ok',
        }
      : null,
  } as AuditView;
}

export function toHistoryItem(row: AuditRow, previous: AuditRow | null) {
  const changes = scoreChanges(row.result, previous?.result ?? null);
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    overall: scoreOf(row.result, 'overall'),
    overallChange: changes.overall,
    scores: AUDIT_AREAS.map((area) => ({ area, value: scoreOf(row.result, area), change: changes[area] })),
  };
}

export function toShareLinkView(l: ShareLinkRow) {
  return {
    id: l.id,
    auditId: l.auditId,
    expiresAt: l.expiresAt.toISOString(),
    revokedAt: l.revokedAt?.toISOString() ?? null,
    openCount: l.openCount,
    lastOpenedAt: l.lastOpenedAt?.toISOString() ?? null,
    createdAt: l.createdAt.toISOString(),
  };
}
