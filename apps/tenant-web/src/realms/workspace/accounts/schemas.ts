import { z } from 'zod';
import { manualAccountSchema as apiManualAccount, manualMetricsSchema as apiMetrics } from '@instagrowth/contracts';
import { normaliseUsername } from './format';

/**
 * Form values are strings. Each field is checked by the API's own field schema from libs/contracts,
 * so the form and the API agree on every limit (and a limit changed there changes here).
 */
function checkedBy(field: z.ZodType, toValue: (s: string) => unknown = (s) => s) {
  return (value: string, ctx: z.RefinementCtx) => {
    const result = field.safeParse(toValue(value));
    if (!result.success) ctx.addIssue({ code: 'custom', message: result.error.issues[0]?.message ?? 'is invalid' });
  };
}

/** Empty = not given; otherwise a whole number the API's field accepts. */
const wholeNumber = (field: z.ZodType) =>
  z
    .string()
    .trim()
    .regex(/^\d*$/, 'must be a whole number (0 or more)')
    .superRefine((value, ctx) => {
      if (value !== '') checkedBy(field, Number)(value, ctx);
    });

const requiredWholeNumber = (field: z.ZodType) => wholeNumber(field).refine((s) => s !== '', 'is required');

export function toOptionalNumber(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

const account = apiManualAccount.shape;
export const manualAccountSchema = z.object({
  username: z.string().transform(normaliseUsername).superRefine(checkedBy(account.username)),
  name: z.string().trim().superRefine(checkedBy(account.name)),
  followersCount: requiredWholeNumber(account.followersCount),
  followsCount: wholeNumber(account.followsCount),
  mediaCount: wholeNumber(account.mediaCount),
});

const metrics = apiMetrics.shape;
export const metricsSchema = z.object({
  followersCount: requiredWholeNumber(metrics.followersCount),
  followsCount: wholeNumber(metrics.followsCount),
  mediaCount: wholeNumber(metrics.mediaCount),
  // The form always names a day (the date input defaults to today); the API's schema checks it.
  day: z.string().min(1, 'is required').superRefine(checkedBy(metrics.day)),
});
