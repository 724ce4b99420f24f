import type { BannedHashtagHit, EngineInput, HashtagAnalysis, HashtagPerformance, HashtagUse, Metric, ReusedHashtagSet } from './types.js';
import { BANNED_HASHTAGS } from './data/banned-hashtags.js';
import { postFormat, postsInWindow } from './engagement.js';
import { insufficient, ok } from './metric.js';
import { mean, median } from './stats.js';
import { THRESHOLDS } from './thresholds.js';

// A tag starts after a non-word character (so "a#b" and "&#39;" are not tags), is letters, marks,
// digits or underscores in any script, and needs at least one letter (Instagram ignores "#2024").
const TAG = /(?<![\p{L}\p{M}\p{N}_&/])#([\p{L}\p{M}\p{N}_]+)/gu;
const LETTER = /\p{L}/u;

/** Unique hashtags of a caption, lower-cased (NFC), without "#", in order of first appearance. */
export function parseHashtags(caption: string | null | undefined): string[] {
  if (!caption) return [];
  const hit = parsedCaptions.get(caption);
  if (hit) return [...hit];
  const seen = new Set<string>();
  for (const m of caption.normalize('NFC').matchAll(TAG)) {
    const tag = m[1].toLowerCase();
    if (LETTER.test(tag)) seen.add(tag);
  }
  const tags = [...seen];
  // Audits parse the same captions in several analyses; a bounded memo keeps that to one parse.
  if (parsedCaptions.size > 50_000) parsedCaptions.clear();
  parsedCaptions.set(caption, tags);
  return [...tags];
}

const parsedCaptions = new Map<string, string[]>();

/** Hashtag habits of the account's feed posts and reels in the window. */
export function hashtagAnalysis(input: EngineInput): HashtagAnalysis {
  const posts = postsInWindow(input).filter((p) => postFormat(p) !== 'story');
  const tagged = posts.map((p) => ({ post: p, tags: parseHashtags(p.caption) }));

  const perPost: Metric = posts.length
    ? ok('hashtags.per_post', mean(tagged.map((t) => t.tags.length))!, 'hashtags in captions / posts', { posts: posts.length, hashtags: tagged.reduce((a, t) => a + t.tags.length, 0) }, 'hashtags')
    : insufficient('hashtags.per_post', 'at least one post in the window', { posts: 0 });

  const counts = new Map<string, number>();
  for (const t of tagged) for (const tag of t.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const top: HashtagUse[] = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([tag, n]) => ({ tag, posts: n }));

  let reusedSets: Metric<ReusedHashtagSet[]>;
  let banned: Metric<BannedHashtagHit[]>;
  if (!posts.length) {
    reusedSets = insufficient('hashtags.reused_sets', 'at least one post in the window', { posts: 0 });
    banned = insufficient('hashtags.banned', 'at least one post in the window', { posts: 0 });
  } else {
    const sets = new Map<string, ReusedHashtagSet>();
    for (const t of tagged) {
      if (t.tags.length < 3) continue;
      const tags = [...t.tags].sort();
      const key = tags.join(' ');
      const s = sets.get(key) ?? { tags, postIds: [] };
      s.postIds.push(t.post.id);
      sets.set(key, s);
    }
    const reused = [...sets.values()].filter((s) => s.postIds.length >= THRESHOLDS.minReusedSetPosts);
    reusedSets = ok('hashtags.reused_sets', reused, `identical sets of ≥ 3 hashtags used on ≥ ${THRESHOLDS.minReusedSetPosts} posts`, { posts: posts.length, reusedSets: reused.length, postsWithReusedSet: reused.reduce((a, s) => a + s.postIds.length, 0) });

    const hits = new Map<string, BannedHashtagHit>();
    for (const t of tagged) {
      for (const tag of t.tags) {
        const status = BANNED_HASHTAGS[tag];
        if (!status) continue;
        const h = hits.get(tag) ?? { tag, status, postIds: [] };
        h.postIds.push(t.post.id);
        hits.set(tag, h);
      }
    }
    const list = [...hits.values()];
    const postsHit = new Set(list.flatMap((h) => h.postIds)).size;
    banned = ok('hashtags.banned', list, 'hashtags found on the banned / restricted list', { posts: posts.length, bannedTags: list.length, postsWithBannedTags: postsHit });
  }

  const withReach = tagged.filter((t) => t.post.reach !== null);
  let performance: Metric<HashtagPerformance[]>;
  if (withReach.length < THRESHOLDS.minPostsHashtagBaseline) {
    performance = insufficient('hashtags.performance', `at least ${THRESHOLDS.minPostsHashtagBaseline} posts with reach`, { posts: withReach.length });
  } else {
    const accountMedian = median(withReach.map((t) => t.post.reach!))!;
    const byTag = new Map<string, number[]>();
    for (const t of withReach) {
      for (const tag of t.tags) {
        const list = byTag.get(tag);
        if (list) list.push(t.post.reach!);
        else byTag.set(tag, [t.post.reach!]);
      }
    }
    const list: HashtagPerformance[] = [];
    for (const [tag, reaches] of byTag) {
      if (reaches.length < THRESHOLDS.minPostsPerHashtag || accountMedian <= 0) continue;
      const m = median(reaches)!;
      if (m === accountMedian) continue;
      const vs = Math.round((m / accountMedian - 1) * 10_000) / 100;
      list.push({ tag, posts: reaches.length, medianReach: m, vsAccountPct: vs, direction: m > accountMedian ? 'above' : 'below' });
    }
    list.sort((a, b) => Math.abs(b.vsAccountPct) - Math.abs(a.vsAccountPct) || a.tag.localeCompare(b.tag));
    performance = ok('hashtags.performance', list, `median reach of posts with the tag against the account median reach (tags on ≥ ${THRESHOLDS.minPostsPerHashtag} posts)`, { accountMedianReach: accountMedian, postsWithReach: withReach.length, tags: list.length });
  }
  return { perPost, top, reusedSets, banned, performance };
}
