import type { AccountSummary } from '@instagrowth/contracts';
import { INSTAGRAM_SCOPES, missingScopes, type InstagramProfile } from '@instagrowth/instagram-graph';
import type { InstagramAccount } from './accounts.entity.js';

export {
  assignmentsSchema,
  csvImportSchema,
  manualAccountSchema,
  manualMetricsSchema,
  mediaListQuerySchema,
} from '@instagrowth/contracts';

/** Scopes a connection cannot work without; the others only switch features off. */
export const REQUIRED_SCOPES = ['instagram_business_basic', 'instagram_business_manage_insights'] as const;

/** What each optional scope unlocks, to tell the user what a reconnect would give them. */
export const SCOPE_FEATURES: Record<string, string> = {
  instagram_business_manage_comments: 'Comment inbox and auto-replies',
  instagram_business_manage_messages: 'Direct messages inbox',
  instagram_business_content_publish: 'Scheduling and publishing',
  instagram_business_manage_insights: 'Insights, audits and growth plans',
  instagram_business_basic: 'Profile and posts',
};

export function toAccountSummary(a: InstagramAccount): AccountSummary {
  const missing = a.kind === 'instagram' ? missingScopes(a.grantedScopes ?? [], INSTAGRAM_SCOPES) : [];
  return {
    id: a.id,
    kind: a.kind,
    igUserId: a.igUserId ?? null,
    username: a.username,
    name: a.name ?? null,
    profilePictureUrl: a.profilePictureUrl ?? null,
    followersCount: a.followersCount ?? null,
    followsCount: a.followsCount ?? null,
    mediaCount: a.mediaCount ?? null,
    status: a.status,
    lastSyncAt: a.lastSyncAt ? new Date(a.lastSyncAt).toISOString() : null,
    lastSyncError: a.lastSyncError ?? null,
    missingScopes: missing,
    featuresNeedingReconnect: missing.map((s) => SCOPE_FEATURES[s] ?? s),
    createdAt: new Date(a.createdAt).toISOString(),
  };
}

/** The stored profile columns from a `/me` answer (connect and every sync write the same ones). */
export function profileFields(me: InstagramProfile, fallbackUsername: string) {
  return {
    username: me.username ?? fallbackUsername,
    name: me.name ?? null,
    accountType: me.account_type ?? null,
    profilePictureUrl: me.profile_picture_url ?? null,
    biography: me.biography ?? null,
    website: me.website ?? null,
    followersCount: me.followers_count ?? null,
    followsCount: me.follows_count ?? null,
    mediaCount: me.media_count ?? null,
  };
}
