import { z } from 'zod';
import { isoDateTimeSchema, isoDaySchema } from './common.responses.js';

export const PLAN_LENGTHS = [7, 14, 30] as const;
export const TASK_TYPES = ['post', 'story', 'engage', 'reply', 'analyse'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const createGrowthPlanSchema = z.object({
  days: z.literal(PLAN_LENGTHS, { error: 'must be 7, 14 or 30' }),
  /** First day of the plan in the account's zone; default: tomorrow. */
  startDate: isoDaySchema.optional(),
});

export const updateTaskSchema = z
  .object({
    done: z.boolean().optional(),
    /** Move the task to another day of the plan (1-based). */
    day: z.number().int('must be a whole number').min(1, 'must be at least 1').max(30, 'must be at most 30').optional(),
  })
  .refine((o) => o.done !== undefined || o.day !== undefined, { message: 'name done or day', path: ['done'] });

export const regenerateDaySchema = z.object({
  day: z.number().int('must be a whole number').min(1, 'must be at least 1').max(30, 'must be at most 30'),
});

export const planTaskSchema = z.object({
  id: z.string().uuid(),
  day: z.number().int(),
  date: isoDaySchema,
  position: z.number().int(),
  type: z.enum(TASK_TYPES),
  title: z.string(),
  details: z.string(),
  format: z.string().nullable(),
  /** Local wall-clock time `HH:00` in the plan's zone, for posts and stories. */
  suggestedTime: z.string().nullable(),
  done: z.boolean(),
  doneAt: isoDateTimeSchema.nullable(),
});
export type PlanTask = z.infer<typeof planTaskSchema>;

const labelled = z.object({ source: z.string(), sampleSize: z.number().int() });

export const planGoalSchema = z.object({
  week: z.number().int(),
  metric: z.enum(['followers', 'reach', 'engagement']),
  /** The value the goal starts from (null when the account has no data for it). */
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  /** The latest value since the plan started (null until a sync brings one). */
  current: z.number().nullable(),
  /** 0–100 toward the target, null without data. */
  progress: z.number().nullable(),
  unit: z.string(),
  basis: z.string(),
});

export const growthPlanSchema = z.object({
  id: z.string().uuid(),
  accountId: z.string().uuid(),
  days: z.number().int(),
  startDate: isoDaySchema,
  timeZone: z.string(),
  createdAt: isoDateTimeSchema,
  /** Where the plan's inputs came from: `audit` (latest stored audit) or `engine` (computed from stored data now). */
  basis: z.string(),
  /** The audit the plan was built from (basis `audit`), else null. */
  basisAudit: z.object({ id: z.string().uuid(), completedAt: isoDateTimeSchema }).nullable(),
  bestTimes: labelled.extend({
    /** `own_posts`, `online_followers` or `tier_prior`. */
    source: z.string(),
    slots: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), score: z.number(), sampleSize: z.number().int() })),
    /** 7 × 24, Monday first; null where there is no data. */
    grid: z.array(z.array(z.number().nullable())),
    fallbackReasons: z.array(z.string()),
  }),
  mix: z.object({
    available: z.boolean(),
    reason: z.string().nullable(),
    targets: z.array(z.object({ format: z.string(), currentShare: z.number(), targetShare: z.number(), medianReachRate: z.number(), posts: z.number().int() })),
  }),
  goals: z.array(planGoalSchema),
  tasks: z.array(planTaskSchema),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
});
export type GrowthPlan = z.infer<typeof growthPlanSchema>;

export const growthPlanSummarySchema = z.object({
  id: z.string().uuid(),
  accountId: z.string().uuid(),
  days: z.number().int(),
  startDate: isoDaySchema,
  createdAt: isoDateTimeSchema,
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
});
export const growthPlanListSchema = z.object({ data: z.array(growthPlanSummarySchema) });

export const planListQuerySchema = z.object({ accountId: z.string().uuid('must be a UUID').optional() });
