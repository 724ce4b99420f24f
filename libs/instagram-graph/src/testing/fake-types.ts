import type { JsonObject } from '../json.js';

// The data model of the fake: accounts own media; tokens point at accounts.

export type FakeProductType = 'FEED' | 'REELS' | 'STORY' | 'AD';

export type FakeMediaInsights =
  /** Entries copied from a fixture file, served as-is (metrics the fixture lacks are simply absent). */
  | { kind: 'fixture'; entries: JsonObject[] }
  /** Every metric answers `values: []` (fresh media: data lags up to 48 h). */
  | { kind: 'empty' }
  | { kind: 'synthetic'; values: Record<string, number>; profileActivity: Record<string, number>; navigation: Record<string, number> };

export interface FakeMedia {
  id: string;
  ownerId: string;
  productType: FakeProductType;
  mediaType: string;
  /** Unix seconds. */
  createdAt: number;
  /** Every field the media edge can serve, with Meta's names. */
  wire: JsonObject;
  /** crossposted_views / facebook_views only exist when the media was shared to Facebook. */
  sharedToFacebook: boolean;
  insights: FakeMediaInsights;
}

export interface FakeAccount {
  /** 0 is the fixture account; synthetic accounts count from 1. */
  index: number;
  fixture: boolean;
  /** Professional account id (1784…), `/me` → `user_id`. */
  igUserId: string;
  /** App-scoped id (> 2^53), `/me` → `id` and the token exchange's `user_id`. */
  appScopedId: string;
  username: string;
  name: string;
  accountType: 'BUSINESS' | 'MEDIA_CREATOR';
  followersCount: number;
  followsCount: number;
  biography: string;
  website: string;
  profilePictureUrl: string;
  /** Long-lived token: hand it to the client to skip OAuth. */
  token: string;
  /** What the code exchange returns for this account. */
  shortToken: string;
  /** Number of media the edge serves for this account. */
  mediaCount: number;
}

export type TokenKind = 'short' | 'long';
