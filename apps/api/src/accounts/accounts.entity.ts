import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const ACCOUNT_STATUSES = ['connected', 'syncing', 'reconnect_required', 'manual', 'disconnected'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const InstagramAccountEntity = defineEntity({
  name: 'InstagramAccount',
  tableName: 'instagram_accounts',
  schema: '*',
  properties: {
    id: p.uuid().primary(),
    kind: p.enum(['instagram', 'manual'] as const),
    /** The professional-account id webhooks use (17841…); text, it exceeds 2^53. */
    igUserId: p.string().nullable(),
    /** The app-scoped id from the token exchange and `/me` → id. */
    igAppScopedId: p.string().nullable(),
    /** The Instagram app that issued the token: null = the platform's, else the workspace's own app id. */
    igAppId: p.string().nullable(),
    username: p.string(),
    name: p.string().nullable(),
    accountType: p.string().nullable(),
    profilePictureUrl: p.text().nullable(),
    biography: p.text().nullable(),
    website: p.text().nullable(),
    followersCount: p.integer().nullable(),
    followsCount: p.integer().nullable(),
    mediaCount: p.integer().nullable(),
    status: p.enum(ACCOUNT_STATUSES),
    tokenEnc: p.text().nullable(),
    tokenExpiresAt: p.datetime().nullable(),
    tokenRefreshedAt: p.datetime().nullable(),
    grantedScopes: p.array().default([]),
    connectedBy: p.uuid().nullable(),
    lastSyncAt: p.datetime().nullable(),
    lastSyncError: p.text().nullable(),
    backfilledAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type InstagramAccount = InferEntity<typeof InstagramAccountEntity>;

export const SyncRunEntity = defineEntity({
  name: 'SyncRun',
  tableName: 'sync_runs',
  schema: '*',
  properties: {
    id: p.uuid().primary(),
    accountId: p.uuid().index(),
    kind: p.enum(['backfill', 'daily', 'manual'] as const),
    status: p.enum(['queued', 'running', 'completed', 'failed'] as const),
    percent: p.integer().default(0),
    step: p.string().default('queued'),
    steps: p.json<{ percent: number; step: string; at: string }[]>(),
    calls: p.integer().default(0),
    error: p.text().nullable(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type SyncRun = InferEntity<typeof SyncRunEntity>;
