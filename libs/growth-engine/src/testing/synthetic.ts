// Deterministic synthetic account for benches and tests: a seeded LCG, never Math.random.
import type { DailySnapshot, EngineInput, EnginePost } from '../types.js';
import { addDays } from '../time.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const TAGS = ['travel', 'food', 'coffee', 'sunset', 'design', 'café', '東京', 'fitness', 'style', 'likeforlike'];
const FORMATS: [string, string][] = [['VIDEO', 'REELS'], ['CAROUSEL_ALBUM', 'FEED'], ['IMAGE', 'FEED']];

export interface SyntheticOptions {
  posts: number;
  days: number;
  now?: string;
  timeZone?: string;
  followers?: number;
  seed?: number;
}

export function syntheticInput(o: SyntheticOptions): EngineInput {
  const rand = lcg(o.seed ?? 42);
  const now = o.now ?? '2026-12-01T12:00:00.000Z';
  const end = Date.parse(now);
  const followers = o.followers ?? 25_000;
  const span = o.days * 86_400_000;
  const posts: EnginePost[] = [];
  for (let i = 0; i < o.posts; i++) {
    const [mediaType, productType] = FORMATS[i % 3];
    const reach = Math.round(2_000 + rand() * 8_000);
    const likes = Math.round(reach * (0.03 + rand() * 0.05));
    const comments = Math.round(likes * 0.05);
    const saves = Math.round(likes * 0.1);
    const shares = Math.round(likes * 0.04);
    const tags = TAGS.filter(() => rand() < 0.3).map((t) => `#${t}`).join(' ');
    posts.push({
      id: `p${i}`,
      postedAt: new Date(end - Math.floor(rand() * span)).toISOString(),
      mediaType,
      productType,
      caption: `Post ${i} ${tags}`,
      likes,
      comments,
      saves,
      shares,
      reach,
      views: reach * 2,
      totalInteractions: likes + comments + saves + shares,
    });
  }
  const snapshots: DailySnapshot[] = [];
  const last = now.slice(0, 10);
  let f = followers - o.days * 20;
  for (let d = o.days - 1; d >= 0; d--) {
    const follows = Math.round(30 + rand() * 20);
    const unfollows = Math.round(5 + rand() * 10);
    f += follows - unfollows;
    const hours: Record<string, number> = {};
    for (let h = 0; h < 24; h++) hours[String(h)] = Math.round(500 + 400 * Math.sin(((h - 6) / 24) * 2 * Math.PI) + rand() * 50);
    snapshots.push({
      day: addDays(last, -d),
      followers: d % 5 === 0 ? null : f,
      followsAndUnfollows: { follows, unfollows },
      reach: Math.round(10_000 + rand() * 3_000),
      reachByFollowType: { follower: Math.round(6_000 + rand() * 500), nonFollower: Math.round(4_000 + rand() * 500) },
      onlineFollowers: hours,
    });
  }
  return {
    account: { followers: f, timeZone: o.timeZone ?? 'Europe/Berlin', username: 'synthetic' },
    posts,
    snapshots,
    publishErrors: [],
    now,
    windowDays: o.days,
  };
}
