import { contentMixTargets, followerLookup, hashtagReach, isOk, localDay, postEngagement, postFormat, type EngineInput, type HashtagReach } from '@instagrowth/growth-engine';
import type { BrandVoice, GeneratedItem, GenerationKind } from '@instagrowth/contracts';
import type { Grounding, WriterItem } from './writer.js';

/** The account's own results as the writer sees them (pure; tested in content.spec.ts). */
export function groundingFrom(input: EngineInput, brandVoice: BrandVoice, username: string): Grounding {
  const lookup = followerLookup(input.snapshots.filter((s): s is typeof s & { followers: number } => s.followers !== null).map((s) => ({ day: s.day, followers: s.followers })));
  const rated = input.posts
    .filter((p) => postFormat(p) !== 'story')
    .map((p) => {
      const e = postEngagement(p, lookup, input.account.timeZone);
      const rate = (isOk(e.reachRate) ? e.reachRate.value : null) ?? (isOk(e.followerRate) ? e.followerRate.value : null);
      return { caption: p.caption ?? '', format: postFormat(p), rate, reach: p.reach, postedAt: p.postedAt };
    })
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || (b.reach ?? -1) - (a.reach ?? -1));
  const mix = contentMixTargets(input);
  return {
    username,
    brandVoice,
    topPosts: rated.slice(0, 5),
    bestFormats: isOk(mix) ? [...mix.value].sort((a, b) => b.medianReachRate - a.medianReachRate) : [],
    hashtagReach: hashtagReach(input),
    today: localDay(input.now, input.account.timeZone),
  };
}

/**
 * Hashtag clusters carry the account's own numbers, never the model's: each tag gets its sample
 * size and median reach from the growth engine, each cluster the median of its tags with data, and
 * clusters with data rank first, best first.
 */
export function rankHashtagClusters(clusters: WriterItem[], reach: HashtagReach[]): WriterItem[] {
  const byTag = new Map(reach.map((h) => [h.tag.toLowerCase(), h]));
  const filled = clusters.map((c) => {
    const tags = (c.tags as { tag: string }[]).map((t) => {
      const tag = t.tag.replace(/^#/, '').toLowerCase();
      const own = byTag.get(tag);
      return { tag, posts: own?.posts ?? 0, medianReach: own?.medianReach ?? null };
    });
    const values = tags.map((t) => t.medianReach).filter((v): v is number => v !== null).sort((a, b) => a - b);
    const mid = values.length ? (values.length % 2 ? values[(values.length - 1) / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2) : null;
    return { ...c, tags, medianReach: mid };
  });
  return filled.sort((a, b) => (b.medianReach ?? -Infinity) - (a.medianReach ?? -Infinity));
}

/** The library/preview shape: a title and the copyable text of any kind. */
export function presentItem(kind: GenerationKind, data: WriterItem, index: number): GeneratedItem {
  const d = data as Record<string, any>;
  const tagText = (tags: string[]) => tags.map((t) => `#${t}`).join(' ');
  switch (kind) {
    case 'caption':
      return { index, title: String(d.text).split('\n')[0].slice(0, 80), text: [d.text, d.hashtags?.length ? tagText(d.hashtags) : ''].filter(Boolean).join('\n\n'), data };
    case 'hook':
      return { index, title: String(d.text).slice(0, 80), text: d.text, data };
    case 'reel_idea':
      return { index, title: d.title, text: [`Hook: ${d.hook}`, ...d.beats.map((b: any) => `${b.seconds}s — ${b.action} [on screen: ${b.onScreenText}]`), `Caption: ${d.caption}`].join('\n'), data };
    case 'carousel':
      return { index, title: d.title, text: [...d.slides.map((s: any, i: number) => `Slide ${i + 1}: ${s.heading} — ${s.body}`), `Caption: ${d.caption}`].join('\n'), data };
    case 'story':
      return { index, title: d.title, text: d.frames.map((f: any, i: number) => `Frame ${i + 1}: ${f.text}${f.sticker && f.sticker !== 'none' ? ` [${f.sticker}]` : ''}`).join('\n'), data };
    case 'hashtags':
      return { index, title: `${d.name} (${d.tier})`, text: tagText(d.tags.map((t: any) => t.tag)), data };
    case 'post_ideas':
      return { index, title: `${d.date} · ${d.format}: ${d.title}`, text: `${d.title}\n${d.angle}`, data };
  }
}
