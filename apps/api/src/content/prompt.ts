import type { GenerationKind } from '@instagrowth/contracts';
import type { WriterRequest } from './writer.js';
import { itemCount } from './writer.js';

const KIND_BRIEF: Record<GenerationKind, string> = {
  caption: 'Instagram captions. Each: text (the caption), hashtags (without #, empty when hashtags are off), cta (the call to action, empty when off).',
  hook: 'Scroll-stopping opening lines for reels or posts. Each: text, style (question, bold claim, story, number, contrarian …).',
  reel_idea: 'Reel ideas with a beat-by-beat script. Each: title, hook, beats (seconds like "0-3", action on camera, onScreenText), caption.',
  carousel: 'Carousel outlines. Each: title, slides (heading, body; first slide is the hook, last the call to action), caption.',
  story: 'Instagram story sequences. Each: title, frames (text, sticker: poll, quiz, question, slider, link or none).',
  hashtags: 'Hashtag clusters. Each: name, tier (broad, niche or specific), tags (tag without #, posts: 0, medianReach: null — the server fills in the account data), medianReach: null.',
  post_ideas: 'Post ideas for the date range, one per day at most. Each: date (YYYY-MM-DD), format (reel, carousel, image, story), title, angle.',
};

/**
 * The prompt is built from the account's own data: brand voice, top posts and the formats that
 * perform for it, so two accounts asking the same thing get different answers.
 */
export function buildPrompt(req: WriterRequest): { system: string; user: string } {
  const { grounding: g, options: o, kind } = req;
  const v = g.brandVoice;
  const voice = [
    `Niche: ${v.niche || 'not set'}`,
    v.audience && `Audience: ${v.audience}`,
    v.goals.length && `Goals: ${v.goals.join('; ')}`,
    `Tone: ${o.tone || v.tone || 'friendly, clear'}`,
    v.wordsToUse.length && `Words to use: ${v.wordsToUse.join(', ')}`,
    v.wordsToAvoid.length && `Never use: ${v.wordsToAvoid.join(', ')}`,
    `Emoji: ${o.emoji === false ? 'none' : v.emojiPolicy}`,
    `Call to action style: ${o.cta === false ? 'none' : v.ctaStyle}`,
    `Language: ${o.language || v.languages[0] || 'English'}`,
    v.exampleCaptions.length && `Example captions in this voice:\n${v.exampleCaptions.map((c) => `- ${c}`).join('\n')}`,
  ].filter(Boolean);
  const top = g.topPosts.length
    ? g.topPosts.map((p, i) => `${i + 1}. [${p.format}${p.rate === null ? '' : `, ${p.rate.toFixed(2)} % engagement`}${p.reach === null ? '' : `, reach ${p.reach}`}] ${p.caption.slice(0, 300)}`).join('\n')
    : 'No posts with results yet.';
  const formats = g.bestFormats.length ? g.bestFormats.map((f) => `${f.format} (median ${f.medianReachRate.toFixed(2)} % reach-based engagement over ${f.posts} posts)`).join(', ') : 'not enough data yet';
  const tags = g.hashtagReach.filter((h) => h.medianReach !== null).slice(0, 15).map((h) => `#${h.tag} (median reach ${h.medianReach} over ${h.posts} posts)`);
  const asks = [
    `Write ${itemCount(kind, o)} ${KIND_BRIEF[kind]}`,
    o.topic && `Topic: ${o.topic}`,
    kind === 'caption' && `Length: ${o.length ?? 'medium'}; hashtags ${o.hashtags === false ? 'off' : 'on'}; call to action ${o.cta === false ? 'off' : 'on'}; emoji ${o.emoji === false ? 'off' : 'on'}.`,
    kind === 'post_ideas' && `Date range: ${o.startDate ?? g.today} to ${o.endDate ?? o.startDate ?? g.today}.`,
  ].filter(Boolean);
  return {
    system: 'You write Instagram content for one account in its brand voice. Ground every idea in what already works for this account. Answer only with the JSON the schema asks for.',
    user: [
      `Account: @${g.username}`,
      `Brand voice:\n${voice.join('\n')}`,
      `Top posts (best first):\n${top}`,
      `Best formats for this account: ${formats}`,
      tags.length ? `Hashtags with the account's own results: ${tags.join(', ')}` : '',
      asks.join('\n'),
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}
