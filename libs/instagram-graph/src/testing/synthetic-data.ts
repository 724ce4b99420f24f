import type { JsonObject } from '../json.js';
import type { FakeAccount, FakeMedia, FakeProductType } from './fake-types.js';
import { between, hashString, intBetween, pick, rngFor } from './seeded-random.js';

// Deterministic synthetic accounts and media: the same (seed, index) always yields the same data.

const ADJECTIVES = ['lumen', 'atlas', 'north', 'velvet', 'copper', 'olive', 'coastal', 'urban', 'quiet', 'bright'];
const NOUNS = ['studio', 'kitchen', 'travels', 'fitness', 'ceramics', 'garden', 'bakery', 'design', 'films', 'threads'];
const CAPTIONS = ['New drop today', 'Behind the scenes', 'Three tips you can use now', 'Weekend mood', 'Before and after', 'Client story', 'Q&A in the comments'];
const HASHTAGS = ['#smallbusiness', '#creator', '#reels', '#howto', '#design', '#local', '#daily'];
// Posting hours weighted towards lunch and evening, so "best time" analytics have something to find.
const POSTING_HOURS = [7, 8, 9, 11, 12, 12, 13, 17, 18, 18, 19, 19, 20, 21];

const IG_ID_BASE = 17841400000000000n;
const APP_SCOPED_ID_BASE = 26000000000000000n;
const MEDIA_ID_BASE = 18000000000000000n;
const CHILD_ID_BASE = 17950000000000000n;

export function toMetaTimestamp(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

export function syntheticAccount(seed: number, index: number): FakeAccount {
  const random = rngFor(seed, 'account', index);
  const adjective = pick(random, ADJECTIVES);
  const noun = pick(random, NOUNS);
  // Log-uniform between 80 and 250k followers: a few accounts fall under the 100-follower insight floor.
  const followersCount = Math.floor(Math.exp(between(random, Math.log(80), Math.log(250_000))));
  const tokenTail = hashString(`${seed}|token|${index}`).toString(16).padStart(8, '0');
  return {
    index,
    fixture: false,
    igUserId: (IG_ID_BASE + BigInt(index) * 1_000_003n).toString(),
    appScopedId: (APP_SCOPED_ID_BASE + BigInt(index) * 7_919_731n).toString(),
    username: `${adjective}.${noun}.${index}`,
    name: `${adjective[0]?.toUpperCase() ?? ''}${adjective.slice(1)} ${noun[0]?.toUpperCase() ?? ''}${noun.slice(1)} ${index}`,
    accountType: random() < 0.6 ? 'BUSINESS' : 'MEDIA_CREATOR',
    followersCount,
    followsCount: intBetween(random, 50, 1500),
    biography: `Synthetic account ${index} for tests`,
    website: `https://${adjective}-${noun}-${index}.example`,
    profilePictureUrl: `https://scontent.example/fake/${index}.jpg?oe=FAKE`,
    token: `IGAAFake${seed}x${index}L${tokenTail}`,
    shortToken: `IGAAFake${seed}x${index}S${tokenTail}`,
    mediaCount: 0,
  };
}

function syntheticInsightValues(random: () => number, productType: FakeProductType, followers: number): FakeMedia['insights'] {
  const views = Math.round(followers * between(random, 0.2, productType === 'REELS' ? 3 : 1.2)) + intBetween(random, 5, 50);
  const reach = Math.round(views * between(random, 0.5, 0.85));
  const likes = Math.round(reach * between(random, 0.02, 0.1));
  const comments = Math.round(likes * between(random, 0.01, 0.08));
  const saved = Math.round(likes * between(random, 0.05, 0.3));
  const shares = Math.round(likes * between(random, 0.02, 0.2));
  const values: Record<string, number> = {
    views,
    reach,
    likes,
    comments,
    saved,
    shares,
    total_interactions: likes + comments + saved + shares,
    reposts: Math.round(shares * between(random, 0, 0.2)),
    follows: Math.round(reach * between(random, 0, 0.004)),
    profile_visits: Math.round(reach * between(random, 0.005, 0.03)),
    ig_reels_avg_watch_time: intBetween(random, 2500, 14000),
    reels_skip_rate: Math.round(between(random, 20, 60) * 100) / 100,
    crossposted_views: Math.round(views * between(random, 0.05, 0.3)),
    facebook_views: Math.round(views * between(random, 0.05, 0.3)),
    replies: intBetween(random, 0, 12),
  };
  values['ig_reels_video_view_total_time'] = (values['ig_reels_avg_watch_time'] ?? 0) * views;
  const profileActivity = {
    BIO_LINK_CLICKED: intBetween(random, 0, 30),
    EMAIL: intBetween(random, 0, 6),
    DIRECTION: intBetween(random, 0, 4),
  };
  values['profile_activity'] = profileActivity.BIO_LINK_CLICKED + profileActivity.EMAIL + profileActivity.DIRECTION;
  const navigation = { TAP_FORWARD: intBetween(random, 0, 300), TAP_BACK: intBetween(random, 0, 50), TAP_EXIT: intBetween(random, 0, 80), SWIPE_FORWARD: intBetween(random, 0, 60) };
  values['navigation'] = navigation.TAP_FORWARD + navigation.TAP_BACK + navigation.TAP_EXIT + navigation.SWIPE_FORWARD;
  return { kind: 'synthetic', values, profileActivity, navigation };
}

/** `count` media, newest first, ending at `nowSeconds`. The newest one has no insights yet (48 h lag). */
export function syntheticMedia(seed: number, account: FakeAccount, count: number, nowSeconds: number): FakeMedia[] {
  const random = rngFor(seed, 'media', account.index);
  const media: FakeMedia[] = [];
  let dayOffset = 0;
  let previousCreatedAt = nowSeconds;
  for (let position = 0; position < count; position += 1) {
    dayOffset += position === 0 ? 0 : between(random, 0.4, 2.2);
    const day = Math.floor(nowSeconds / 86_400 - dayOffset);
    // Strictly decreasing, so the edge is newest-first like Meta's.
    const createdAt = Math.min(previousCreatedAt - 600, day * 86_400 + pick(random, POSTING_HOURS) * 3600 + intBetween(random, 0, 3599));
    previousCreatedAt = createdAt;
    const roll = random();
    const productType: FakeProductType = roll < 0.45 ? 'REELS' : 'FEED';
    const mediaType = roll < 0.45 ? 'VIDEO' : roll < 0.8 ? 'IMAGE' : 'CAROUSEL_ALBUM';
    const id = (MEDIA_ID_BASE + BigInt(account.index) * 100_000n + BigInt(position)).toString();
    const insights = position === 0 ? ({ kind: 'empty' } as const) : syntheticInsightValues(rngFor(seed, 'insights', id), productType, account.followersCount);
    const shortcode = `DFake${account.index.toString(36)}${position.toString(36)}`;
    const wire: JsonObject = {
      id,
      caption: `${pick(random, CAPTIONS)} ${pick(random, HASHTAGS)}`,
      media_type: mediaType,
      media_product_type: productType,
      permalink: `https://www.instagram.com/${productType === 'REELS' ? 'reel' : 'p'}/${shortcode}/`,
      shortcode,
      timestamp: toMetaTimestamp(createdAt),
      comments_count: insights.kind === 'synthetic' ? (insights.values['comments'] ?? 0) : 0,
      is_comment_enabled: random() > 0.05,
    };
    // media_url is omitted for some (copyright-flagged) media, like_count when likes are hidden (§3).
    if (random() > 0.06) wire['media_url'] = `https://scontent.example/fake/${id}.${mediaType === 'VIDEO' ? 'mp4' : 'jpg'}?oe=FAKE`;
    if (mediaType === 'VIDEO') wire['thumbnail_url'] = `https://scontent.example/fake/${id}_thumb.jpg?oe=FAKE`;
    if (random() > 0.08) wire['like_count'] = insights.kind === 'synthetic' ? (insights.values['likes'] ?? 0) : 0;
    if (mediaType === 'CAROUSEL_ALBUM') {
      const children = intBetween(random, 2, 5);
      wire['children'] = {
        data: Array.from({ length: children }, (_unused, child) => ({
          id: (CHILD_ID_BASE + BigInt(account.index) * 10_000_000n + BigInt(position) * 10n + BigInt(child)).toString(),
          media_type: random() < 0.8 ? 'IMAGE' : 'VIDEO',
        })),
      };
    }
    media.push({ id, ownerId: account.igUserId, productType, mediaType, createdAt, wire, sharedToFacebook: productType === 'REELS' && random() < 0.3, insights });
  }
  return media;
}

/** A daily reach value for (account, day) with a weekly rhythm. */
export function syntheticDailyValue(seed: number, account: FakeAccount, metric: string, dayNumber: number): number {
  const random = rngFor(seed, 'daily', account.index, metric, dayNumber);
  const base = Math.max(10, account.followersCount * (metric === 'reach' ? 0.25 : metric === 'views' ? 0.9 : 0.02));
  const weekly = 1 + 0.3 * Math.sin((dayNumber / 7) * 2 * Math.PI);
  return Math.round(base * weekly * between(random, 0.8, 1.2));
}

/** Hour "0".."23" → followers online, peaking in the evening. */
export function syntheticOnlineHours(seed: number, account: FakeAccount, dayNumber: number): Record<string, number> {
  const random = rngFor(seed, 'online', account.index, dayNumber);
  const hours: Record<string, number> = {};
  for (let hour = 0; hour < 24; hour += 1) {
    const curve = 0.25 + 0.75 * Math.exp(-((hour - 19) ** 2) / 18) + 0.4 * Math.exp(-((hour - 12) ** 2) / 6);
    hours[String(hour)] = Math.round(account.followersCount * 0.05 * curve * between(random, 0.9, 1.1));
  }
  return hours;
}
