import { Injectable } from '@nestjs/common';
import { addDays } from '@instagrowth/growth-engine';
import type { GenerationKind } from '@instagrowth/contracts';
import { itemCount, type ContentWriter, type WriterItem, type WriterRequest } from './writer.js';

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '');
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];

const HOOK_STYLES = [
  ['question', (t: string) => `Are you making this ${t} mistake too?`],
  ['number', (t: string) => `3 ${t} lessons I wish I knew sooner`],
  ['story', (t: string) => `The day ${t} finally clicked for me`],
  ['bold claim', (t: string) => `Most ${t} advice is backwards. Here is why.`],
  ['contrarian', (t: string) => `Stop doing this if you care about ${t}`],
] as const;
const STICKERS = ['poll', 'question', 'quiz', 'slider', 'none'] as const;

/**
 * Template-based writing from the account's own data (niche, goals, words to use, top posts,
 * best formats, tags with their reach). No model, no credits; every item is labelled `offline`.
 */
@Injectable()
export class OfflineWriter implements ContentWriter {
  readonly source = 'offline' as const;

  async write(req: WriterRequest): Promise<WriterItem[]> {
    const n = itemCount(req.kind, req.options);
    const build = BUILDERS[req.kind];
    return Array.from({ length: n }, (_, i) => build(req, i)).filter((x): x is WriterItem => x !== null);
  }
}

type Builder = (req: WriterRequest, i: number) => WriterItem | null;

function topic(req: WriterRequest): string {
  return req.options.topic || req.grounding.brandVoice.niche || 'your niche';
}

function emoji(req: WriterRequest, s: string): string {
  const policy = req.options.emoji === false ? 'none' : req.grounding.brandVoice.emojiPolicy;
  return policy === 'none' ? s : policy === 'rich' ? `${s} ✨🔥` : `${s} ✨`;
}

function cta(req: WriterRequest, i: number): string {
  const style = req.options.cta === false ? 'none' : req.grounding.brandVoice.ctaStyle;
  if (style === 'none') return '';
  return style === 'direct' ? pick(['Save this and follow for more.', 'Comment "YES" and I will send the checklist.', 'Share this with a friend who needs it.'], i) : pick(['Which one will you try first?', 'Save it for later if it helped.', 'Tell me your take below.'], i);
}

function tagsFor(req: WriterRequest, count: number): string[] {
  const own = req.grounding.hashtagReach.filter((h) => h.medianReach !== null).map((h) => h.tag);
  const niche = slug(topic(req));
  const words = req.grounding.brandVoice.wordsToUse.map(slug).filter(Boolean);
  return [...new Set([...own, niche, ...words, `${niche}tips`, `${niche}community`])].filter(Boolean).slice(0, count);
}

const BUILDERS: Record<GenerationKind, Builder> = {
  caption(req, i) {
    const t = topic(req);
    const lengths = { short: 1, medium: 2, long: 4 } as const;
    const top = req.grounding.topPosts[i % Math.max(1, req.grounding.topPosts.length)];
    const goal = req.grounding.brandVoice.goals[0];
    const lines = [
      pick(HOOK_STYLES, i)[1](t),
      `Here is what works for us in ${t}: start small, stay consistent, and show the process.`,
      top ? `Our post "${top.caption.slice(0, 60)}" did well for a reason: it was specific. So is this one.` : `Be specific: one idea per post beats five.`,
      goal ? `We are working toward ${goal}, one post at a time.` : `One post at a time.`,
    ].slice(0, lengths[req.options.length ?? 'medium']);
    const c = cta(req, i);
    const hashtags = req.options.hashtags === false ? [] : tagsFor(req, 8);
    return { text: emoji(req, [...lines, c].filter(Boolean).join('\n\n')), hashtags, cta: c };
  },
  hook(req, i) {
    const [style, make] = pick(HOOK_STYLES, i);
    return { text: make(topic(req)), style };
  },
  reel_idea(req, i) {
    const t = topic(req);
    const hook = pick(HOOK_STYLES, i + 1)[1](t);
    return {
      title: `${t}: ${pick(['before and after', 'three quick tips', 'behind the scenes', 'myth vs fact'], i)}`,
      hook,
      beats: [
        { seconds: '0-3', action: 'Face the camera and say the hook', onScreenText: hook },
        { seconds: '3-8', action: `Show the problem in ${t}`, onScreenText: 'The problem' },
        { seconds: '8-20', action: 'Show the fix step by step', onScreenText: 'Step 1 · 2 · 3' },
        { seconds: '20-25', action: 'Show the result', onScreenText: 'The result' },
        { seconds: '25-30', action: 'Close with the call to action', onScreenText: cta(req, i) || 'Follow for more' },
      ],
      caption: emoji(req, `${hook}\n\n${cta(req, i)}`.trim()),
    };
  },
  carousel(req, i) {
    const t = topic(req);
    const title = pick([`5 ${t} mistakes to avoid`, `A beginner's guide to ${t}`, `${t}: what we learned this year`], i);
    return {
      title,
      slides: [
        { heading: title, body: 'Swipe →' },
        ...[1, 2, 3].map((k) => ({ heading: `${k}. ${pick(['Start with why', 'Keep it simple', 'Measure what matters', 'Show your process'], i + k)}`, body: `How it applies to ${t}.` })),
        { heading: 'Your turn', body: cta(req, i) || 'Save this for later.' },
      ],
      caption: emoji(req, `${title}. ${cta(req, i)}`.trim()),
    };
  },
  story(req, i) {
    const t = topic(req);
    return {
      title: `${t} story ${i + 1}`,
      frames: [
        { text: pick(HOOK_STYLES, i)[1](t), sticker: 'none' },
        { text: `Quick question about ${t}`, sticker: pick(STICKERS, i) },
        { text: 'Here is our answer', sticker: 'none' },
        { text: cta(req, i) || 'See you tomorrow', sticker: 'link' },
      ],
    };
  },
  hashtags(req, i) {
    const tiers = ['broad', 'niche', 'specific'] as const;
    const tier = pick(tiers, i);
    const t = slug(topic(req));
    const own = req.grounding.hashtagReach;
    const byReach = new Map(own.map((h) => [h.tag, h]));
    const candidates =
      tier === 'broad'
        ? [t, 'instagood', 'reels', `${t}life`]
        : tier === 'niche'
          ? [...own.filter((h) => h.medianReach !== null).map((h) => h.tag).slice(0, 6), `${t}tips`, `${t}community`]
          : [...req.grounding.brandVoice.wordsToUse.map(slug), `${t}${new Date(req.grounding.today).getUTCFullYear()}`, `${t}daily`];
    const tags = [...new Set(candidates.filter(Boolean))].slice(0, 10).map((tag) => ({ tag, posts: byReach.get(tag)?.posts ?? 0, medianReach: byReach.get(tag)?.medianReach ?? null }));
    return { name: `${tier[0].toUpperCase()}${tier.slice(1)} · ${topic(req)}`, tier, tags: tags.length ? tags : [{ tag: t || 'instagram', posts: 0, medianReach: null }], medianReach: null };
  },
  post_ideas(req, i) {
    const start = req.options.startDate ?? req.grounding.today;
    const end = req.options.endDate ?? addDays(start, itemCount('post_ideas', req.options) - 1);
    const date = addDays(start, i);
    if (date > end) return null;
    const formats = req.grounding.bestFormats.length ? req.grounding.bestFormats.map((f) => f.format) : ['reel', 'carousel', 'image'];
    const format = pick(formats, i);
    const t = topic(req);
    return { date, format, title: `${pick(HOOK_STYLES, i)[1](t)}`, angle: `A ${format} about ${t}${req.grounding.brandVoice.goals[0] ? ` that supports the goal: ${req.grounding.brandVoice.goals[0]}` : ''}.` };
  },
};
