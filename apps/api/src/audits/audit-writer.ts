import { Injectable } from '@nestjs/common';
import { AUDIT_AREAS, auditNarrativeSchema, type AuditNarrative } from '@instagrowth/contracts';
import { findForeignNumbers, type Audit } from '@instagrowth/growth-engine';
import { AiService, type AiSettings } from '../core/ai/ai.service.js';

export interface WrittenNarrative {
  narrative: AuditNarrative;
  source: 'ai' | 'offline';
  /** The AI's prose invented numbers twice and was replaced by the offline writer's. */
  fallback: boolean;
}

const AREA_NAMES: Record<(typeof AUDIT_AREAS)[number], string> = {
  engagement: 'Engagement',
  consistency: 'Posting consistency',
  growth: 'Follower growth',
  content: 'Content mix',
  risk: 'Distribution risk (estimate)',
};

const round = (v: number) => Math.round(v);

/** Every number the narrative may use is already in the audit; the writer only puts words around them. */
export function offlineNarrative(audit: Audit): AuditNarrative {
  const overall = audit.overall.score;
  const lead =
    overall.status === 'ok'
      ? `Overall score ${round(overall.value)} of 100, the weighted mean of the area scores.`
      : `Not enough data yet for an overall score: ${overall.need}. ${audit.overall.explanation}`;
  const critical = audit.diagnosis.filter((d) => d.severity !== 'info').map((d) => d.message);
  const top = [...audit.recommendations].sort((a, b) => a.priority - b.priority)[0];
  const summary = [lead, critical.length ? `Most pressing: ${critical[0]}` : 'No warning signs stand out.', top ? `Start with: ${top.title}.` : '']
    .filter(Boolean)
    .join(' ')
    .slice(0, 2000);
  return {
    summary,
    areas: AUDIT_AREAS.map((area) => {
      const s = audit.scores[area];
      const head = s.score.status === 'ok' ? `${AREA_NAMES[area]}: ${round(s.score.value)} of 100.` : `${AREA_NAMES[area]}: not enough data yet (${s.score.need}).`;
      return { area, text: `${head} ${s.explanation}`.slice(0, 1200) };
    }),
    // The title is shown above the text (page and PDF), so the text is the detail alone.
    recommendations: audit.recommendations.slice(0, 20).map((r) => ({ id: r.id, text: r.detail.slice(0, 1200) })),
  };
}

const narrativeText = (n: AuditNarrative) => [n.summary, ...n.areas.map((a) => a.text), ...n.recommendations.map((r) => r.text)].join('\n');

/** Numbers the narrative uses that the audit does not contain (the AI must write prose only). */
export function foreignNumbers(n: AuditNarrative, audit: Audit): string[] {
  return findForeignNumbers(narrativeText(n), audit, { scope: 'summary' }).map((f) => f.text);
}

/** What the model sees: the computed numbers and findings, never raw posts (so it cannot cite per-post figures). */
function prompt(audit: Audit, username: string): string {
  const metric = (m: Audit['overall']['score']) => (m.status === 'ok' ? { value: m.value, formula: m.formula } : { notEnoughData: m.need });
  return JSON.stringify({
    account: username,
    overall: { ...metric(audit.overall.score), explanation: audit.overall.explanation },
    areas: AUDIT_AREAS.map((a) => ({ area: a, ...metric(audit.scores[a].score), explanation: audit.scores[a].explanation })),
    risk: { level: audit.risk.level, label: audit.risk.label, factors: audit.risk.factors.map((f) => ({ label: f.label, severity: f.severity })) },
    diagnosis: audit.diagnosis.map((d) => ({ severity: d.severity, area: d.area, message: d.message })),
    recommendations: audit.recommendations.map((r) => ({ id: r.id, priority: r.priority, title: r.title, detail: r.detail })),
  });
}

const SYSTEM = [
  'You write the prose of an Instagram account audit for its owner. The numbers were computed already; you explain them.',
  'Use ONLY numbers that appear in the data you are given, written as given (rounding allowed). Never invent, estimate or derive a new number.',
  'The distribution risk is an estimate, never a verdict: say so. Be concrete and friendly; no hashtags, no emojis.',
  'Answer JSON: summary (3-5 sentences), areas (one short paragraph for each of the five areas), recommendations (one paragraph per given recommendation id, same ids).',
].join(' ');

@Injectable()
export class AuditWriter {
  constructor(private readonly ai: AiService) {}

  settings(): Promise<AiSettings | null> {
    return this.ai.settingsOrNull();
  }

  /** AI prose checked against the audit's numbers; rejected twice → the offline writer's prose, flagged. */
  async write(audit: Audit, username: string, settings: AiSettings | null, referenceId: string): Promise<WrittenNarrative> {
    if (!settings) return { narrative: offlineNarrative(audit), source: 'offline', fallback: false };
    const answer = await this.ai.structured(settings, {
      feature: 'audit',
      referenceId,
      schemaName: 'audit_narrative',
      schema: auditNarrativeSchema,
      system: SYSTEM,
      user: prompt(audit, username),
      check: (n) => {
        const foreign = foreignNumbers(n, audit);
        return foreign.length ? `it uses numbers that are not in the data: ${foreign.slice(0, 10).join(', ')}` : null;
      },
    });
    if (answer.ok) return { narrative: answer.value, source: 'ai', fallback: false };
    return { narrative: offlineNarrative(audit), source: 'offline', fallback: true };
  }
}
