import { z } from 'zod';
import { isoDateTimeSchema } from './common.responses.js';

export const CREDIT_ENTRY_KINDS = ['grant', 'debit', 'refund', 'adjustment'] as const;
export type CreditEntryKind = (typeof CREDIT_ENTRY_KINDS)[number];

/**
 * Where credits sit: `period` credits come with the plan each billing period and lapse at its end;
 * `pack` credits (bought packs, admin grants) carry over. Debits take period credits first.
 */
export const CREDIT_BUCKETS = ['period', 'pack'] as const;
export type CreditBucket = (typeof CREDIT_BUCKETS)[number];

/** `GET /api/credits?limit=&before=`: newest first; `before` is the `id` of the last entry seen. */
export const creditsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().uuid('must be an entry id').optional(),
});

export const creditEntrySchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(CREDIT_ENTRY_KINDS),
  bucket: z.enum(CREDIT_BUCKETS),
  /** Signed: grants and refunds are positive, debits negative, adjustments either. */
  amount: z.number().int(),
  /** What it was for: `audit`, `caption`, `plan:pro`, `pack:content`, `period_expiry`, … */
  feature: z.string().nullable(),
  reason: z.string().nullable(),
  referenceId: z.string().nullable(),
  balanceAfter: z.number().int(),
  createdAt: isoDateTimeSchema,
});
export type CreditEntry = z.infer<typeof creditEntrySchema>;

export const creditsResponseSchema = z.object({
  balance: z.number().int(),
  periodBalance: z.number().int(),
  packBalance: z.number().int(),
  /** The current allowance period (`YYYY-MM` by default; billing periods once a plan is paid). */
  period: z.object({ key: z.string(), allowance: z.number().int(), used: z.number().int() }),
  entries: z.array(creditEntrySchema),
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: z.string().uuid().nullable(),
});
export type CreditsResponse = z.infer<typeof creditsResponseSchema>;
