import { z } from 'zod';
import { normaliseUsername } from './format';

/** Form values are strings; these turn them into the API's numbers (empty = not given). */
const wholeNumber = z
  .string()
  .trim()
  .regex(/^\d*$/, 'must be a whole number (0 or more)')
  .refine((s) => s === '' || Number(s) <= 10_000_000_000, 'is too large');

const requiredWholeNumber = wholeNumber.refine((s) => s !== '', 'is required');

export function toOptionalNumber(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

export const manualAccountSchema = z.object({
  username: z
    .string()
    .transform(normaliseUsername)
    .pipe(
      z
        .string()
        .min(1, 'is required')
        .max(30, 'must be at most 30 characters')
        .regex(/^[A-Za-z0-9._]+$/, 'may contain only letters, digits, periods and underscores'),
    ),
  name: z.string().trim().max(120, 'must be at most 120 characters'),
  followersCount: requiredWholeNumber,
  followsCount: wholeNumber,
  mediaCount: wholeNumber,
});

export const metricsSchema = z.object({
  followersCount: requiredWholeNumber,
  followsCount: wholeNumber,
  mediaCount: wholeNumber,
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'must be a valid date'),
});
