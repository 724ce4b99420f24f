/**
 * Shapes of the Instagram accounts API (/api/accounts and /api/instagram), all from libs/contracts:
 * the web app parses every answer with the same schemas the API answers with.
 */
import type { AccountStatusView, AccountSummary, manualAccountSchema, manualMetricsSchema, SyncRunView } from '@instagrowth/contracts';
import type { z } from 'zod';

export type {
  AccountDetail,
  AccountListResponse,
  AccountSummary,
  Assignee,
  AssignmentsResponse,
  HistoryPoint,
  ImportReport,
  MediaItem,
  MediaListResponse,
  RefreshResponse,
} from '@instagrowth/contracts';

export type AccountKind = AccountSummary['kind'];
export type AccountStatus = AccountStatusView;
export type SyncRun = SyncRunView;
export type SyncRunStatus = SyncRunView['status'];

/** POST /api/accounts/manual: what the form sends. */
export type ManualAccountInput = z.input<typeof manualAccountSchema>;
/** PUT /api/accounts/:id/metrics */
export type MetricsInput = z.input<typeof manualMetricsSchema>;
