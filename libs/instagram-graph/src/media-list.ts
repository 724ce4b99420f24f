import type { ResolvedConfig } from './config.js';
import { InstagramError } from './errors.js';
import { assertNodeId, graphUrl, toUnixSeconds, trustedPagingUrl } from './graph-url.js';
import type { HttpTransport } from './http-transport.js';
import { isJsonObject, readArray, readBoolean, readNumber, readObject, readString, type JsonObject } from './json.js';
import { redactUrl } from './redact.js';

// `GET /<IG_ID>/media` with cursor paging (API.md §3). Pages are yielded as they arrive so a sync
// can persist page by page; the edge never returns more than the 10 000 most recent media.

export const MEDIA_EDGE_CAP = 10_000;
export const DEFAULT_MEDIA_PAGE_SIZE = 50;
/** Meta's maximum `limit` is unconfirmed (§3); 100 is the most commonly used value. */
export const MAX_MEDIA_PAGE_SIZE = 100;

export const MEDIA_FIELDS =
  'id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,shortcode,timestamp,like_count,comments_count,is_comment_enabled,children{id,media_type,media_url}';

export type MediaType = 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
export type MediaProductType = 'AD' | 'FEED' | 'STORY' | 'REELS';

export interface InstagramMediaChild {
  id: string;
  media_type?: string;
  media_url?: string;
}

/** A media object with Meta's field names; optional fields can be missing on the wire (hidden likes, copyright-flagged media_url…). */
export interface InstagramMedia {
  id: string;
  caption?: string;
  media_type?: MediaType | (string & {});
  media_product_type?: MediaProductType | (string & {});
  media_url?: string;
  thumbnail_url?: string;
  permalink?: string;
  shortcode?: string;
  /** ISO-8601 UTC with `+0000`. */
  timestamp?: string;
  like_count?: number;
  comments_count?: number;
  is_comment_enabled?: boolean;
  /** Carousel items, in the wire's `{ data: [...] }` envelope. No insights exist for them. */
  children?: { data: InstagramMediaChild[] };
}

export interface ListMediaOptions {
  /** Defaults to `me`. */
  igUserId?: string;
  /** Page size (1–100). Default 50. */
  limit?: number;
  /** Stop after this many items (never more than the 10 000 the edge serves). */
  maxItems?: number;
  /** Only media created at/after this time (Date or unix seconds). */
  since?: Date | number;
  until?: Date | number;
  /** Override the field list (keep `media_type`/`media_product_type` for insights). */
  fields?: string;
}

export interface InstagramMediaPage {
  items: InstagramMedia[];
  /** 1-based page number. */
  page: number;
  /** Whether another page will follow. */
  hasMore: boolean;
}

function set<K extends keyof InstagramMedia>(target: InstagramMedia, key: K, value: InstagramMedia[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function toChild(value: JsonObject): InstagramMediaChild | undefined {
  const id = readString(value, 'id');
  if (id === undefined) return undefined;
  const child: InstagramMediaChild = { id };
  const mediaType = readString(value, 'media_type');
  const mediaUrl = readString(value, 'media_url');
  if (mediaType !== undefined) child.media_type = mediaType;
  if (mediaUrl !== undefined) child.media_url = mediaUrl;
  return child;
}

export function toMedia(source: JsonObject): InstagramMedia | undefined {
  const id = readString(source, 'id');
  if (id === undefined) return undefined;
  const media: InstagramMedia = { id };
  set(media, 'caption', readString(source, 'caption'));
  set(media, 'media_type', readString(source, 'media_type'));
  set(media, 'media_product_type', readString(source, 'media_product_type'));
  set(media, 'media_url', readString(source, 'media_url'));
  set(media, 'thumbnail_url', readString(source, 'thumbnail_url'));
  set(media, 'permalink', readString(source, 'permalink'));
  set(media, 'shortcode', readString(source, 'shortcode'));
  set(media, 'timestamp', readString(source, 'timestamp'));
  set(media, 'like_count', readNumber(source, 'like_count'));
  set(media, 'comments_count', readNumber(source, 'comments_count'));
  set(media, 'is_comment_enabled', readBoolean(source, 'is_comment_enabled'));
  const children = readArray(readObject(source, 'children') ?? {}, 'data');
  if (children !== undefined) {
    set(media, 'children', { data: children.filter(isJsonObject).map(toChild).filter((child): child is InstagramMediaChild => child !== undefined) });
  }
  return media;
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_MEDIA_PAGE_SIZE;
  return Math.min(MAX_MEDIA_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}

export async function* listMedia(config: ResolvedConfig, http: HttpTransport, token: string, options: ListMediaOptions = {}): AsyncGenerator<InstagramMediaPage, void, undefined> {
  const igUserId = assertNodeId(options.igUserId ?? 'me', 'user id');
  const maxItems = Math.min(MEDIA_EDGE_CAP, options.maxItems ?? MEDIA_EDGE_CAP);
  if (maxItems <= 0) return;
  let url: URL | undefined = graphUrl(config, [igUserId, 'media'], {
    fields: options.fields ?? MEDIA_FIELDS,
    limit: clampLimit(options.limit),
    since: options.since === undefined ? undefined : toUnixSeconds(options.since),
    until: options.until === undefined ? undefined : toUnixSeconds(options.until),
  });
  let yielded = 0;
  let page = 0;
  while (url !== undefined) {
    const { body } = await http.send({ method: 'GET', url, token, idempotent: true, envelope: 'graph' });
    if (!isJsonObject(body)) throw new InstagramError({ message: 'Instagram media answer is not an object', url: redactUrl(url) });
    const items = (readArray(body, 'data') ?? [])
      .filter(isJsonObject)
      .map(toMedia)
      .filter((media): media is InstagramMedia => media !== undefined)
      .slice(0, maxItems - yielded);
    yielded += items.length;
    page += 1;
    const next = readString(readObject(body, 'paging') ?? {}, 'next');
    let nextUrl: URL | undefined;
    // An empty page with a `next` would loop forever; treat it as the end.
    if (next !== undefined && yielded < maxItems && items.length > 0) {
      nextUrl = trustedPagingUrl(config, next);
      if (nextUrl === undefined) {
        throw new InstagramError({ message: `Instagram paging.next points outside the Graph host: ${redactUrl(next)}` });
      }
    }
    yield { items, page, hasMore: nextUrl !== undefined };
    url = nextUrl;
  }
}
