import { z } from 'zod';
import { isoDateTimeSchema, isoDaySchema } from './common.responses.js';
// `isTimeZone` (audits.ts) checks the zone after access, in the API.

/** Free text that never reaches the database with a NUL byte or a lone surrogate. */
export const cleanText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL bytes')
    .refine((s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s), 'must not contain lone surrogates');
const textList = (maxItems: number, maxLen: number) => z.array(cleanText(maxLen)).max(maxItems, `has more than ${maxItems} entries`);

// ------------------------------------------------------------------ brand voice

export const EMOJI_POLICIES = ['none', 'light', 'rich'] as const;
export const CTA_STYLES = ['none', 'soft', 'direct'] as const;

export const brandVoiceInputSchema = z.object({
  niche: cleanText(120),
  audience: cleanText(500).default(''),
  goals: textList(10, 200).default([]),
  tone: cleanText(200).default(''),
  wordsToUse: textList(50, 60).default([]),
  wordsToAvoid: textList(50, 60).default([]),
  emojiPolicy: z.enum(EMOJI_POLICIES).default('light'),
  languages: textList(5, 40).default(['English']),
  ctaStyle: z.enum(CTA_STYLES).default('soft'),
  exampleCaptions: textList(10, 2200).default([]),
  /** IANA zone the account's audience lives in: the planner's weekday × hour grid uses it. */
  // Shape here; whether the zone exists is checked by the API (`isTimeZone`), after access, so a
  // stranger's request is a 404 whatever it sends.
  timeZone: cleanText(64)
    .regex(/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/, 'must be an IANA time zone like Europe/Berlin')
    .default('UTC'),
});
export type BrandVoiceInput = z.infer<typeof brandVoiceInputSchema>;

export const brandVoiceSchema = brandVoiceInputSchema.extend({
  accountId: z.string().uuid(),
  /** False when the account has none yet (the answer is the defaults). */
  configured: z.boolean(),
  updatedAt: isoDateTimeSchema.nullable(),
});
export type BrandVoice = z.infer<typeof brandVoiceSchema>;

// ------------------------------------------------------------------ generations

export const GENERATION_KINDS = ['caption', 'hook', 'reel_idea', 'carousel', 'story', 'hashtags', 'post_ideas'] as const;
export type GenerationKind = (typeof GENERATION_KINDS)[number];
export const CAPTION_LENGTHS = ['short', 'medium', 'long'] as const;

/** Options every kind understands; each kind reads the ones that apply to it. */
export const generationOptionsSchema = z
  .object({
    topic: cleanText(300).optional(),
    tone: cleanText(100).optional(),
    length: z.enum(CAPTION_LENGTHS).optional(),
    cta: z.boolean().optional(),
    emoji: z.boolean().optional(),
    hashtags: z.boolean().optional(),
    language: cleanText(40).optional(),
    count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10, 'must be at most 10').optional(),
    startDate: isoDaySchema.optional(),
    endDate: isoDaySchema.optional(),
  })
  .refine((o) => !o.startDate || !o.endDate || o.endDate >= o.startDate, { message: 'must not be before startDate', path: ['endDate'] })
  .refine((o) => !o.startDate || !o.endDate || (Date.parse(o.endDate) - Date.parse(o.startDate)) / 86_400_000 <= 62, { message: 'must be within 62 days of startDate', path: ['endDate'] });
export type GenerationOptions = z.infer<typeof generationOptionsSchema>;

export const generationRequestSchema = z.object({
  kind: z.enum(GENERATION_KINDS),
  options: generationOptionsSchema.default({}),
});

// Structured item per kind: what the writer (AI or offline) must produce, validated with zod.
export const captionItemSchema = z.object({ text: z.string().min(1).max(2200), hashtags: z.array(z.string().max(100)).max(30), cta: z.string().max(300) });
export const hookItemSchema = z.object({ text: z.string().min(1).max(300), style: z.string().max(60) });
export const reelIdeaItemSchema = z.object({
  title: z.string().min(1).max(200),
  hook: z.string().max(300),
  beats: z.array(z.object({ seconds: z.string().max(20), action: z.string().max(400), onScreenText: z.string().max(200) })).min(1).max(12),
  caption: z.string().max(2200),
});
export const carouselItemSchema = z.object({
  title: z.string().min(1).max(200),
  slides: z.array(z.object({ heading: z.string().max(120), body: z.string().max(600) })).min(2).max(10),
  caption: z.string().max(2200),
});
export const storyItemSchema = z.object({
  title: z.string().min(1).max(200),
  frames: z.array(z.object({ text: z.string().max(300), sticker: z.string().max(60) })).min(1).max(10),
});
export const HASHTAG_TIERS = ['broad', 'niche', 'specific'] as const;
export const hashtagClusterItemSchema = z.object({
  name: z.string().min(1).max(120),
  tier: z.enum(HASHTAG_TIERS),
  tags: z
    .array(z.object({ tag: z.string().min(1).max(100), posts: z.number().int().min(0), medianReach: z.number().nullable() }))
    .min(1)
    .max(30),
  /** Median of the tags' median reach where the account has data (null: no data; ranked last). */
  medianReach: z.number().nullable(),
});
export const postIdeaItemSchema = z.object({ date: isoDaySchema, format: z.string().max(40), title: z.string().min(1).max(200), angle: z.string().max(600) });

export const GENERATION_ITEM_SCHEMAS = {
  caption: captionItemSchema,
  hook: hookItemSchema,
  reel_idea: reelIdeaItemSchema,
  carousel: carouselItemSchema,
  story: storyItemSchema,
  hashtags: hashtagClusterItemSchema,
  post_ideas: postIdeaItemSchema,
} as const satisfies Record<GenerationKind, z.ZodType>;

export const generatedItemSchema = z.object({
  index: z.number().int(),
  title: z.string(),
  /** The copyable text of the item (caption, script, slides, tags …). */
  text: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type GeneratedItem = z.infer<typeof generatedItemSchema>;

export const generationResponseSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(GENERATION_KINDS),
  items: z.array(generatedItemSchema),
  /** `offline`: template-based output from the account's own data (no AI key configured); costs nothing. */
  source: z.enum(['ai', 'offline']),
  creditsUsed: z.number().int(),
  /** What grounded the answer: brand voice used, top posts and formats the writer saw. */
  grounding: z.object({ brandVoice: z.boolean(), topPosts: z.number().int(), bestFormats: z.array(z.string()) }),
});
export type GenerationResponse = z.infer<typeof generationResponseSchema>;

// ------------------------------------------------------------------ library

export const CONTENT_STATUSES = ['idea', 'drafted', 'approved', 'scheduled', 'posted'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
const tagSchema = cleanText(40).pipe(z.string().min(1, 'must not be empty'));

export const saveContentSchema = z.object({
  generationId: z.string().uuid('must be a UUID'),
  index: z.number().int('must be a whole number').min(0, 'cannot be negative').max(50, 'is too large'),
  tags: z.array(tagSchema).max(20, 'has more than 20 tags').optional(),
});

export const updateContentSchema = z
  .object({
    title: cleanText(200).pipe(z.string().min(1, 'is required')).optional(),
    text: cleanText(5000).optional(),
    favourite: z.boolean().optional(),
    tags: z.array(tagSchema).max(20, 'has more than 20 tags').optional(),
    status: z.enum(CONTENT_STATUSES).optional(),
  })
  .refine((o) => Object.keys(o).length > 0, { message: 'name at least one field to change', path: ['title'] });

export const contentListQuerySchema = z.object({
  accountId: z.string().uuid('must be a UUID').optional(),
  kind: z.enum(GENERATION_KINDS).optional(),
  status: z.enum(CONTENT_STATUSES).optional(),
  favourite: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  tag: cleanText(40).optional(),
  q: cleanText(200).optional(),
  page: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'is too large').default(1),
  pageSize: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
});
export type ContentListQuery = z.infer<typeof contentListQuerySchema>;

export const contentExportQuerySchema = contentListQuerySchema.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'json']).default('json'),
});

export const contentItemSchema = z.object({
  id: z.string().uuid(),
  accountId: z.string().uuid(),
  kind: z.enum(GENERATION_KINDS),
  title: z.string(),
  text: z.string(),
  data: z.record(z.string(), z.unknown()),
  source: z.enum(['ai', 'offline']),
  status: z.enum(CONTENT_STATUSES),
  favourite: z.boolean(),
  tags: z.array(z.string()),
  /** The request that produced it: `{ kind, options }`. */
  inputs: z.record(z.string(), z.unknown()),
  generationId: z.string().uuid().nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type ContentItem = z.infer<typeof contentItemSchema>;

export const contentPageSchema = z.object({
  data: z.array(contentItemSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

/** CSV columns of `GET /api/content/export?format=csv`, in order. */
export const CONTENT_CSV_COLUMNS = ['id', 'account_id', 'kind', 'status', 'favourite', 'tags', 'title', 'text', 'source', 'created_at'] as const;
