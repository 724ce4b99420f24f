import type { BrandVoice, GenerationKind, GenerationOptions } from '@instagrowth/contracts';
import type { HashtagReach, MixTarget } from '@instagrowth/growth-engine';

/** What grounds a generation in this account: its voice and its own results. */
export interface Grounding {
  username: string;
  brandVoice: BrandVoice;
  /** Best posts of the window by reach-based (else follower-based) engagement, best first. */
  topPosts: { caption: string; format: string; rate: number | null; reach: number | null; postedAt: string }[];
  /** Formats ranked by what performs for this account (from the growth engine's mix targets). */
  bestFormats: MixTarget[];
  /** Every tag the account used with its sample size and median reach, best first. */
  hashtagReach: HashtagReach[];
  /** First day of "today" in the account's zone, for post ideas without a range. */
  today: string;
}

export interface WriterRequest {
  kind: GenerationKind;
  options: GenerationOptions;
  grounding: Grounding;
  /** The generation record (AI usage is metered against it). */
  referenceId?: string;
}

/** One structured item as the writer returns it (validated with the kind's zod schema). */
export type WriterItem = Record<string, unknown>;

/**
 * The one seam between generations and whoever writes them. `OfflineWriter` builds honest
 * templates from the account's data; `AiWriter` asks an OpenAI-compatible model with structured
 * outputs. When the audit branch's `AiService` lands, `AiWriter` is the one file that changes.
 */
export interface ContentWriter {
  readonly source: 'ai' | 'offline';
  write(request: WriterRequest, signal?: AbortSignal): Promise<WriterItem[]>;
}

export const itemCount = (kind: GenerationKind, options: GenerationOptions): number => options.count ?? (kind === 'post_ideas' ? 7 : kind === 'hashtags' ? 3 : 3);
