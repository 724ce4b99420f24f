/**
 * Client-side shapes of the Instagram accounts API (apps/api, /api/accounts and /api/instagram).
 * Kept here until the contract lands in libs/contracts.
 */

export type AccountKind = 'instagram' | 'manual';
export type AccountStatus = 'connected' | 'syncing' | 'reconnect_required' | 'manual' | 'disconnected';

/** One row of GET /api/accounts, and the body of POST /api/accounts/manual and PUT …/metrics. */
export interface AccountSummary {
  id: string;
  kind: AccountKind;
  igUserId: string | null;
  username: string;
  name: string | null;
  profilePictureUrl: string | null;
  followersCount: number | null;
  followsCount: number | null;
  mediaCount: number | null;
  status: AccountStatus;
  lastSyncAt: string | null;
  lastSyncError: string | null;
  missingScopes: string[];
  featuresNeedingReconnect: string[];
  createdAt: string;
}

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
  data: MediaItem[];
}

export type SyncRunStatus = 'queued' | 'running' | 'completed' | 'failed';

/** GET /api/accounts/:id/sync */
export interface SyncRun {
  id: string;
  status: SyncRunStatus;
  percent: number;
  step: string;
  steps: { percent: number; step: string; at: string }[];
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

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
