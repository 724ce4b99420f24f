import { z } from 'zod';
import { isoDateTimeSchema, isoDaySchema, listOf } from './common.responses.js';

export const accountStatusViewSchema = z.enum(['connected', 'syncing', 'reconnect_required', 'manual', 'disconnected']);
export type AccountStatusView = z.infer<typeof accountStatusViewSchema>;

export const accountSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(['instagram', 'manual']),
  igUserId: z.string().nullable().describe('a string: Instagram ids exceed 2^53'),
  username: z.string(),
  name: z.string().nullable(),
  profilePictureUrl: z.string().nullable(),
  followersCount: z.number().nullable(),
  followsCount: z.number().nullable(),
  mediaCount: z.number().nullable(),
  status: accountStatusViewSchema,
  lastSyncAt: isoDateTimeSchema.nullable(),
  lastSyncError: z.string().nullable(),
  missingScopes: z.array(z.string()),
  featuresNeedingReconnect: z.array(z.string()),
  createdAt: isoDateTimeSchema,
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

/** GET /api/accounts */
export const accountListSchema = z.object({
  data: z.array(accountSummarySchema),
  limit: z.object({ used: z.number().int(), max: z.number().int() }).describe("the plan's account limit and how many are in use"),
});
export type AccountListResponse = z.infer<typeof accountListSchema>;

export const historyPointSchema = z.object({
  day: isoDaySchema,
  followersCount: z.number().nullable(),
  followsCount: z.number().nullable(),
  mediaCount: z.number().nullable(),
  reach: z.number().nullable(),
  followersEstimated: z.boolean().describe('the follower count for this day was interpolated, not measured'),
});
export type HistoryPoint = z.infer<typeof historyPointSchema>;

/** GET /api/accounts/:id */
export const accountDetailSchema = accountSummarySchema.extend({
  biography: z.string().nullable(),
  website: z.string().nullable(),
  history: z.array(historyPointSchema),
});
export type AccountDetail = z.infer<typeof accountDetailSchema>;

export const mediaItemSchema = z.object({
  id: z.string(),
  caption: z.string().nullable(),
  mediaType: z.string().nullable(),
  mediaProductType: z.string().nullable(),
  permalink: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  mediaUrl: z.string().nullable(),
  timestamp: isoDateTimeSchema,
  likeCount: z.number().nullable(),
  commentsCount: z.number().nullable(),
  insights: z.record(z.string(), z.number().nullable()).describe('latest value per metric (reach, views, saved, …); null = not available, never 0'),
  engagementRate: z.number().nullable(),
});
export type MediaItem = z.infer<typeof mediaItemSchema>;
/** A page of posts, newest first: `total` counts every post of the account, for the pager. */
export const mediaListSchema = listOf(mediaItemSchema).extend({
  total: z.number().int().describe('every post of the account'),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type MediaListResponse = z.infer<typeof mediaListSchema>;

export const syncRunStatusSchema = z.enum(['queued', 'running', 'completed', 'failed']);
export const syncRunViewSchema = z.object({
  id: z.uuid(),
  status: syncRunStatusSchema,
  percent: z.number(),
  step: z.string(),
  steps: z.array(z.object({ percent: z.number(), step: z.string(), at: z.string() })),
  startedAt: isoDateTimeSchema.nullable(),
  finishedAt: isoDateTimeSchema.nullable(),
  error: z.string().nullable(),
});
export type SyncRunView = z.infer<typeof syncRunViewSchema>;

/** POST /api/accounts/:id/refresh → 202 */
export const refreshResponseSchema = z.object({ syncRunId: z.uuid() });
export type RefreshResponse = z.infer<typeof refreshResponseSchema>;

/** POST /api/accounts/:id/posts/import; row 1 is the CSV header. */
export const importReportSchema = z.object({
  imported: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const assigneeSchema = z.object({ userId: z.uuid(), name: z.string(), email: z.string(), role: z.string() });
export type Assignee = z.infer<typeof assigneeSchema>;
/** GET and PUT /api/accounts/:id/assignments */
export const assignmentListSchema = listOf(assigneeSchema);
export type AssignmentsResponse = z.infer<typeof assignmentListSchema>;

/** GET /api/instagram/auth/url */
export const authorizeUrlSchema = z.object({ url: z.string().describe('the Instagram authorize URL to send the browser to') });

/** POST /api/instagram/webhooks */
export const webhookReceiptSchema = z.object({
  stored: z.number().int().describe('events stored (duplicates are not counted)'),
  routed: z.number().int().describe('workspaces the events went to'),
});
