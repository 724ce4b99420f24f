import { z } from 'zod';
import { count, isoDate, safeString, text } from './primitives.js';

export const instagramUsernameSchema = safeString()
  .max(64, 'must be at most 30 characters')
  .trim()
  .transform((s) => s.replace(/^@/, '').toLowerCase())
  .pipe(z.string().min(1, 'is required').max(30, 'must be at most 30 characters').regex(/^[a-z0-9._]+$/, 'may contain only letters, digits, . and _'));

export const manualAccountSchema = z.object({
  username: instagramUsernameSchema,
  name: text({ max: 120 }).optional(),
  followersCount: count(),
  followsCount: count().optional(),
  mediaCount: count().optional(),
});

export const manualMetricsSchema = z.object({
  followersCount: count(),
  followsCount: count().optional(),
  mediaCount: count().optional(),
  day: isoDate().optional(),
});

export const csvImportSchema = z.object({
  // NUL and lone surrogates are refused per row (a bad cell rejects its row, not the file).
  csv: z.string().min(1, 'is empty').max(5_000_000, 'is larger than 5 MB'),
});

export const assignmentsSchema = z.object({
  userIds: z.array(z.string().uuid('must be a UUID')).max(500, 'has too many entries'),
});

export const mediaListQuerySchema = z.object({
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(60),
  /** Posts to skip, newest first (pages of the account page's post list). */
  offset: z.coerce.number().int('must be a whole number').min(0, 'must be at least 0').max(1_000_000, 'must be at most 1000000').default(0),
});

export const connectQuerySchema = z.object({
  accountId: z.string().uuid('must be a UUID').optional(),
});

/** The documented CSV columns for importing posts into a manual account. */
export const CSV_POST_COLUMNS = ['posted_at', 'caption', 'media_type', 'likes', 'comments', 'saves', 'shares', 'reach', 'views', 'permalink'] as const;
