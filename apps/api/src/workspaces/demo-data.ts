import type { MediaUpsert, MetricUpsert } from '../instagram-data/instagram-data.repository.js';

/** Deterministic PRNG (mulberry32), so the demo looks the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoAccountSpec {
  username: string;
  name: string;
  followers: number;
  days: number;
  posts: number;
}

const CAPTIONS = [
  'Behind the scenes of this week’s shoot ✨',
  '3 mistakes we stopped making (save this)',
  'New drop is live — link in bio',
  'Client spotlight: how we grew their reach 2×',
  'Monday mood board',
  'Swipe for the before/after 👉',
  'Q&A: your top questions answered',
  'The 5-minute routine that changed our mornings',
];
const TYPES = [
  { mediaType: 'IMAGE', product: 'FEED', reachFactor: 0.22 },
  { mediaType: 'CAROUSEL_ALBUM', product: 'FEED', reachFactor: 0.3 },
  { mediaType: 'VIDEO', product: 'REELS', reachFactor: 0.55 },
];

/**
 * A plausible history for a manual demo account: followers growing with noise over `days`, posts
 * every day or two at varied hours, per-post reach and interactions by format. Clearly demo data:
 * it only ever goes into the seeded demo workspace.
 */
export function demoHistory(accountId: string, spec: DemoAccountSpec, today = new Date()) {
  const rnd = random(spec.username.length * 7919 + spec.followers);
  const day = (offset: number) => new Date(today.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
  const metrics: MetricUpsert[] = [];
  // A noisy climb from 86 % of today's followers, bent so the last day lands exactly on today's count.
  const raw: number[] = [];
  let followers = spec.followers * 0.86;
  for (let d = spec.days; d >= 0; d--) {
    followers += (spec.followers * 0.14) / spec.days + (rnd() - 0.35) * spec.followers * 0.002;
    raw.push(followers);
  }
  const drift = spec.followers - raw[raw.length - 1];
  raw.forEach((value, i) => {
    const d = spec.days - i;
    const count = Math.round(value + (drift * i) / (raw.length - 1));
    metrics.push({ day: day(d), metric: 'followers_count', value: count, status: 'ok' });
    metrics.push({ day: day(d), metric: 'reach', value: Math.round(count * (0.18 + rnd() * 0.25)), status: 'ok' });
  });
  const media: MediaUpsert[] = [];
  const insights: (MetricUpsert & { mediaId: string })[] = [];
  for (let i = 0; i < spec.posts; i++) {
    const type = TYPES[Math.floor(rnd() * TYPES.length)];
    const postedAt = new Date(today.getTime() - Math.floor((i * spec.days) / spec.posts) * 86_400_000);
    postedAt.setUTCHours(8 + Math.floor(rnd() * 12), Math.floor(rnd() * 60), 0, 0);
    const reach = Math.round(spec.followers * type.reachFactor * (0.6 + rnd() * 0.9));
    const likes = Math.round(reach * (0.04 + rnd() * 0.05));
    const comments = Math.round(likes * (0.02 + rnd() * 0.05));
    const saved = Math.round(likes * (0.05 + rnd() * 0.15));
    const shares = Math.round(likes * (0.02 + rnd() * 0.08));
    const id = `demo:${accountId}:${i}`;
    media.push({
      id,
      accountId,
      source: 'csv',
      caption: CAPTIONS[i % CAPTIONS.length],
      mediaType: type.mediaType,
      mediaProductType: type.product,
      permalink: null,
      mediaUrl: null,
      thumbnailUrl: null,
      postedAt,
      likeCount: likes,
      commentsCount: comments,
    });
    const today_ = today.toISOString().slice(0, 10);
    for (const [metric, value] of Object.entries({ reach, likes, comments, saved, shares, views: type.product === 'REELS' ? Math.round(reach * 1.6) : null })) {
      insights.push({ mediaId: id, day: today_, metric, value, status: value === null ? 'unavailable' : 'ok' });
    }
  }
  return { metrics, media, insights };
}
