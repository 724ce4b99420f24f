import type { ResolvedConfig } from './config.js';
import { graphUrl } from './graph-url.js';
import type { HttpTransport } from './http-transport.js';
import { isJsonObject, readNumber, readString, type JsonObject } from './json.js';
import { InstagramError } from './errors.js';

// `GET /me` (API.md §2.2). Wire objects keep Meta's field names so they line up with the docs and
// fixtures; ids are always strings (the lossless parser guarantees it even if Meta sends numbers).

export const PROFILE_FIELDS = [
  'id',
  'user_id',
  'username',
  'name',
  'account_type',
  'profile_picture_url',
  'followers_count',
  'follows_count',
  'media_count',
  'biography',
  'website',
] as const;

export type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface InstagramProfile {
  /** App-scoped id (= token exchange `user_id`). */
  id: string;
  /** Instagram professional account id (1784…): the key for webhooks and most endpoints. */
  user_id?: string;
  username?: string;
  name?: string;
  /** Upper-case in practice (`BUSINESS`, `MEDIA_CREATOR`); compare with isProfessionalAccount. */
  account_type?: string;
  /** Expiring CDN URL: re-fetch, don't store forever. */
  profile_picture_url?: string;
  followers_count?: number;
  follows_count?: number;
  media_count?: number;
  biography?: string;
  website?: string;
}

/** Business and creator accounts are the only ones that can use this API (§2.2). */
export function isProfessionalAccount(accountType: string | undefined): boolean {
  const normalised = accountType?.toUpperCase();
  return normalised === 'BUSINESS' || normalised === 'MEDIA_CREATOR';
}

function optional<T>(key: string, value: T | undefined): Record<string, T> {
  return value === undefined ? {} : { [key]: value };
}

export function toProfile(source: JsonObject): InstagramProfile {
  const id = readString(source, 'id');
  if (id === undefined) throw new InstagramError({ message: 'Instagram /me answer has no id' });
  return {
    id,
    ...optional('user_id', readString(source, 'user_id')),
    ...optional('username', readString(source, 'username')),
    ...optional('name', readString(source, 'name')),
    ...optional('account_type', readString(source, 'account_type')),
    ...optional('profile_picture_url', readString(source, 'profile_picture_url')),
    ...optional('followers_count', readNumber(source, 'followers_count')),
    ...optional('follows_count', readNumber(source, 'follows_count')),
    ...optional('media_count', readNumber(source, 'media_count')),
    ...optional('biography', readString(source, 'biography')),
    ...optional('website', readString(source, 'website')),
  };
}

export async function getMe(config: ResolvedConfig, http: HttpTransport, token: string, fields: readonly string[] = PROFILE_FIELDS): Promise<InstagramProfile> {
  const { body } = await http.send({
    method: 'GET',
    url: graphUrl(config, ['me'], { fields: fields.join(',') }),
    token,
    idempotent: true,
    envelope: 'graph',
  });
  // Meta's sample wraps it in data[]; the real answer is flat (§2.2). Accept both.
  const payload = isJsonObject(body) && Array.isArray(body['data']) && isJsonObject(body['data'][0]) ? body['data'][0] : body;
  if (!isJsonObject(payload)) throw new InstagramError({ message: 'Instagram /me answer is not an object' });
  return toProfile(payload);
}
