/**
 * Client-side shapes of the Instagram accounts API (apps/api, /api/accounts and /api/instagram).
 * The account summary and sync run come from libs/contracts; the read models below are the web's view.
 */
import type { AccountStatusView, AccountSummary, SyncRunView } from '@instagrowth/contracts';

export type { AccountSummary };
export type AccountKind = AccountSummary['kind'];
export type AccountStatus = AccountStatusView;
export type SyncRun = SyncRunView;

/** GET /api/accounts */
export interface AccountListResponse {
  data: AccountSummary[];
  limit: { used: number; max: number };
}

export interface HistoryPoint {
  /** YYYY-MM-DD */
  day: string;
  followersCount: number | null;
  followsCount: number | null;
  mediaCount: number | null;
  reach: number | null;
  /** The follower count for this day was interpolated, not measured. */
  followersEstimated: boolean;
}

/** GET /api/accounts/:id */
export interface AccountDetail extends AccountSummary {
  history: HistoryPoint[];
  biography: string | null;
  website: string | null;
}

export interface MediaItem {
  id: string;
  caption: string | null;
  mediaType: string;
  mediaProductType: string | null;
  permalink: string | null;
  thumbnailUrl: string | null;
  mediaUrl: string | null;
  timestamp: string;
  likeCount: number | null;
  commentsCount: number | null;
  /** reach, views, saved, shares, total_interactions…; null = not available (never 0). */
  insights: Record<string, number | null>;
  engagementRate: number | null;
}

/** GET /api/accounts/:id/media */
export interface MediaListResponse {
  /** Every post of the account (the pager's total); absent from older servers. */
  total?: number;
  offset?: number;
  limit?: number;
  data: MediaItem[];
}

export type SyncRunStatus = 'queued' | 'running' | 'completed' | 'failed';

/** GET /api/accounts/:id/sync */

/** POST /api/accounts/:id/refresh → 202 */
export interface RefreshResponse {
  syncRunId: string;
}

/** POST /api/accounts/:id/posts/import */
export interface ImportReport {
  imported: number;
  rejected: { row: number; reason: string }[];
}

export interface Assignee {
  userId: string;
  name: string;
  email: string;
  role: string;
}

/** GET / PUT /api/accounts/:id/assignments */
export interface AssignmentsResponse {
  data: Assignee[];
}

/** POST /api/accounts/manual */
export interface ManualAccountInput {
  username: string;
  name?: string;
  followersCount: number;
  followsCount?: number;
  mediaCount?: number;
}

/** PUT /api/accounts/:id/metrics */
export interface MetricsInput {
  followersCount: number;
  followsCount?: number;
  mediaCount?: number;
  /** YYYY-MM-DD; the API defaults to today. */
  day?: string;
}
