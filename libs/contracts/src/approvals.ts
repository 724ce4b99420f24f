import { z } from 'zod';
import { isoDateTimeSchema } from './common.responses.js';
import { emailSchema } from './common.js';
import { text } from './primitives.js';

/** Client approvals of content items and growth plans, magic sign-in links and audit roadmap ticks. */

export const APPROVAL_SUBJECTS = ['content', 'plan'] as const;
export type ApprovalSubject = (typeof APPROVAL_SUBJECTS)[number];
export const APPROVAL_STATUSES = ['pending', 'approved', 'changes_requested', 'withdrawn'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const APPROVAL_ACTIONS = ['requested', 'approved', 'changes_requested', 'commented', 'withdrawn'] as const;

export const createApprovalSchema = z.object({
  subjectType: z.enum(APPROVAL_SUBJECTS, { error: 'must be content or plan' }),
  subjectId: z.string().uuid('must be a UUID'),
  /** A note for the client, shown first in the history. */
  note: text({ max: 2000 }).optional(),
});

export const approvalDecisionSchema = z
  .object({
    decision: z.enum(['approved', 'changes_requested'], { error: 'must be approved or changes_requested' }),
    comment: text({ max: 2000 }).optional(),
  })
  .refine((d) => d.decision === 'approved' || (d.comment ?? '').trim().length > 0, { message: 'say what should change', path: ['comment'] });

export const approvalCommentSchema = z.object({ comment: text({ max: 2000, min: 1 }) });

export const approvalListQuerySchema = z.object({
  status: z.enum(APPROVAL_STATUSES).optional(),
  subjectType: z.enum(APPROVAL_SUBJECTS).optional(),
  subjectId: z.string().uuid('must be a UUID').optional(),
  accountId: z.string().uuid('must be a UUID').optional(),
});

export const approvalEventSchema = z.object({
  id: z.string().uuid(),
  action: z.enum(APPROVAL_ACTIONS),
  actorId: z.string().uuid().nullable(),
  actorName: z.string(),
  actorRole: z.string(),
  comment: z.string().nullable(),
  at: isoDateTimeSchema,
});
export type ApprovalEvent = z.infer<typeof approvalEventSchema>;

export const approvalViewSchema = z.object({
  id: z.string().uuid(),
  subjectType: z.enum(APPROVAL_SUBJECTS),
  subjectId: z.string().uuid(),
  accountId: z.string().uuid(),
  username: z.string(),
  title: z.string(),
  /** What the client was asked to approve, as it was when it was sent (content: kind, text, data; plan: days, start, tasks). */
  snapshot: z.record(z.string(), z.unknown()),
  status: z.enum(APPROVAL_STATUSES),
  requestedBy: z.string().nullable(),
  decidedAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  events: z.array(approvalEventSchema),
});
export type ApprovalView = z.infer<typeof approvalViewSchema>;
export const approvalListSchema = z.object({ data: z.array(approvalViewSchema) });

export const magicLinkRequestSchema = z.object({ email: emailSchema });
export const magicLinkSentSchema = z.object({ message: z.string() });

export const roadmapTicksSchema = z.object({ auditId: z.string().uuid(), days: z.array(z.number().int()) });
export const roadmapTickSchema = z.object({
  day: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(366, 'must be at most 366'),
  done: z.boolean({ error: 'must be true or false' }),
});

export const planShareLinkSchema = z.object({ id: z.string().uuid(), planId: z.string().uuid(), expiresAt: isoDateTimeSchema, url: z.string() });
export const planShareLinkListSchema = z.object({
  data: z.array(z.object({ id: z.string().uuid(), planId: z.string().uuid(), expiresAt: isoDateTimeSchema, revokedAt: isoDateTimeSchema.nullable(), openCount: z.number().int(), createdAt: isoDateTimeSchema })),
});
