import { z } from 'zod';

/** Requests and answers of audits, share links and the dashboard (issue #12). */

export const AUDIT_AREAS = ['engagement', 'consistency', 'growth', 'content', 'risk'] as const;
export const auditAreaSchema = z.enum(AUDIT_AREAS);

export const createShareLinkSchema = z.object({
  expiresInDays: z.number({ error: 'must be a number of days' }).int('must be a whole number of days').min(1, 'must be at least 1').max(365, 'must be at most 365').default(30),
});

const inputValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);
/** An engine metric: a value with its formula and inputs, or "not enough data" with what it needs. */
export const metricSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), id: z.string(), value: z.union([z.number(), z.string(), z.boolean()]), formula: z.string(), inputs: z.record(z.string(), inputValue), unit: z.string().optional() }),
  z.object({ status: z.literal('insufficient_data'), id: z.string(), need: z.string(), have: z.record(z.string(), inputValue).optional() }),
]);
export type MetricView = z.infer<typeof metricSchema>;

export const auditProgressSchema = z.object({ percent: z.number().int(), step: z.string(), steps: z.array(z.object({ step: z.string(), percent: z.number().int(), at: z.string() })) });

export const auditNarrativeSchema = z.object({
  summary: z.string().min(1).max(2000),
  areas: z.array(z.object({ area: auditAreaSchema, text: z.string().min(1).max(1200) })).max(5),
  recommendations: z.array(z.object({ id: z.string(), text: z.string().min(1).max(1200) })).max(20),
});
export type AuditNarrative = z.infer<typeof auditNarrativeSchema>;

export const auditScoreSchema = z.object({ area: auditAreaSchema, score: metricSchema, explanation: z.string(), change: z.number().nullable() });

export const auditResultSchema = z.object({
  computedAt: z.string(),
  timeZone: z.string(),
  overall: z.object({ score: metricSchema, explanation: z.string(), change: z.number().nullable() }),
  scores: z.array(auditScoreSchema),
  diagnosis: z.array(z.object({ id: z.string(), severity: z.enum(['info', 'warning', 'critical']), area: auditAreaSchema, message: z.string(), evidence: z.array(z.string()) })),
  recommendations: z.array(z.object({ id: z.string(), priority: z.number(), area: auditAreaSchema, title: z.string(), detail: z.string(), evidence: z.array(z.string()) })),
  roadmap: z.array(z.object({ week: z.number(), theme: z.string(), days: z.array(z.object({ day: z.number(), action: z.string(), recommendationId: z.string().nullable() })) })),
  risk: z.object({
    estimate: z.literal(true),
    label: z.string(),
    level: z.string(),
    score: metricSchema,
    factors: z.array(z.object({ id: z.string(), label: z.string(), severity: z.number(), weight: z.number(), evidence: metricSchema })),
  }),
  bestTimes: z.object({ source: z.string(), sampleSize: z.number(), slots: z.array(z.object({ weekday: z.number(), hour: z.number(), score: z.number(), sampleSize: z.number() })) }),
  /** Every metric of the audit by id, so each piece of evidence can show its formula and inputs. */
  evidence: z.record(z.string(), metricSchema),
  followers: z.array(z.object({ day: z.string(), followers: z.number(), estimated: z.boolean() })),
  /** True when the engine lacked data for the overall score ("not enough data yet"). */
  notEnoughData: z.boolean(),
});
export type AuditResult = z.infer<typeof auditResultSchema>;

export const auditViewSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  username: z.string(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  progress: auditProgressSchema,
  /** `offline`: written without AI from templates over the computed numbers. */
  source: z.enum(['ai', 'offline']).nullable(),
  /** The AI narrative was rejected (invented numbers) and replaced by the offline writer's prose. */
  narrativeFallback: z.boolean(),
  credits: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  result: auditResultSchema.nullable(),
  narrative: auditNarrativeSchema.nullable(),
});
export type AuditView = z.infer<typeof auditViewSchema>;

export const auditStartedSchema = z.object({ id: z.string(), status: z.enum(['queued', 'running', 'completed', 'failed']) });

export const auditHistorySchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['queued', 'running', 'completed', 'failed']),
      source: z.enum(['ai', 'offline']).nullable(),
      createdAt: z.string(),
      overall: z.number().nullable(),
      overallChange: z.number().nullable(),
      scores: z.array(z.object({ area: auditAreaSchema, value: z.number().nullable(), change: z.number().nullable() })),
    }),
  ),
});

export const shareLinkViewSchema = z.object({
  id: z.string(),
  auditId: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  openCount: z.number().int(),
  lastOpenedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const shareLinkCreatedSchema = shareLinkViewSchema.extend({ url: z.string() });
export const shareLinkListSchema = z.object({ data: z.array(shareLinkViewSchema) });

export const dashboardSchema = z.object({
  data: z.array(
    z.object({
      accountId: z.string(),
      username: z.string(),
      followers: metricSchema,
      followerChange28d: metricSchema,
      dailyReach28d: metricSchema,
      engagementMedian: metricSchema,
      tier: z.string().nullable(),
      band: z.object({ low: z.number(), typical: z.number(), high: z.number() }).nullable(),
      position: z.string().nullable(),
      latestAudit: z.object({ id: z.string(), score: z.number().nullable(), change: z.number().nullable(), createdAt: z.string() }).nullable(),
      sparkline: z.array(z.object({ day: z.string(), followers: z.number() })),
    }),
  ),
});
export type DashboardView = z.infer<typeof dashboardSchema>;

export const TIME_ZONE_MESSAGE = 'must be an IANA time zone such as Europe/Berlin';
/** Shape only: the API checks the zone against Intl after finding the account (404 comes before 400 for other workspaces' ids). */
export const accountTimeZoneSchema = z.object({
  timeZone: z.string().trim().min(1, 'is required').max(64, TIME_ZONE_MESSAGE).regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, TIME_ZONE_MESSAGE),
});

/** IANA zones Intl knows (plus UTC, which some runtimes leave out of supportedValuesOf). */
export function isTimeZone(tz: string): boolean {
  if (tz === 'UTC') return true;
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone').includes(tz);
  } catch {
    return false;
  }
}
