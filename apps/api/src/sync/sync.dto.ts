import type { SyncRunView } from '@instagrowth/contracts';
import type { SyncRun } from '../accounts/accounts.entity.js';

/** Total-value account metrics fetched one day at a time (API.md §4.2). */
export const DAILY_TOTAL_METRICS = [
  'views',
  'accounts_engaged',
  'total_interactions',
  'likes',
  'comments',
  'saves',
  'shares',
  'replies',
  'profile_links_taps',
  'follows_and_unfollows',
] as const;

/** Posts younger than this get insights daily; older ones weekly (their numbers barely move). */
export const FRESH_POST_DAYS = 30;
export const OLD_POST_REFRESH_DAYS = 7;
export const SYNC_ATTEMPTS = 3;

export { addDays, dayOf } from '../instagram-data/days.js';

export function toSyncRunView(run: SyncRun): SyncRunView {
  return {
    id: run.id,
    status: run.status,
    percent: run.percent,
    step: run.step,
    steps: run.steps,
    startedAt: run.startedAt ? new Date(run.startedAt).toISOString() : null,
    finishedAt: run.finishedAt ? new Date(run.finishedAt).toISOString() : null,
    error: run.error ?? null,
  };
}

/** Marks an error that retrying cannot fix (the job is parked, not retried). */
export class NonRetryableError extends Error {
  readonly retryable = false;
}
