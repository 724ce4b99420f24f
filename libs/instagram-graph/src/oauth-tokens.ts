import { InstagramOAuthError } from './errors.js';
import { apiUrl, graphRootUrl } from './graph-url.js';
import type { HttpTransport } from './http-transport.js';
import { isJsonObject, readArray, readNumber, readString, type JsonObject, type JsonValue } from './json.js';
import { stripHashUnderscore } from './oauth-authorize.js';
import type { ResolvedConfig } from './config.js';

// Code → short-lived token (§1.4), short → long-lived (§1.5), refresh (§1.6).

export interface ShortLivedToken {
  accessToken: string;
  /** App-scoped id (same as `/me` → `id`), exact digits even above 2^53. Not the 1784… IG account id. */
  userId: string;
  permissions: string[];
}

export interface LongLivedToken {
  accessToken: string;
  tokenType: string;
  /** Seconds (≈ 60 days). */
  expiresIn: number;
}

function tokenError(message: string): InstagramOAuthError {
  return new InstagramOAuthError({ message: `Instagram OAuth error: ${message}` });
}

function parsePermissions(value: JsonValue | undefined): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  return [];
}

/** Accepts both the flat shape seen in practice and the documented `{"data":[{…}]}` wrapper. */
function unwrapTokenPayload(body: JsonValue): JsonObject | undefined {
  if (!isJsonObject(body)) return undefined;
  const data = readArray(body, 'data');
  if (data !== undefined) {
    const first = data[0];
    return isJsonObject(first) ? first : undefined;
  }
  return body;
}

export async function exchangeCode(config: ResolvedConfig, http: HttpTransport, code: string): Promise<ShortLivedToken> {
  const cleanCode = stripHashUnderscore(code.trim());
  if (cleanCode === '') throw new TypeError('exchangeCode: code is required');
  const form = new URLSearchParams({
    client_id: config.appId,
    client_secret: config.appSecret,
    grant_type: 'authorization_code',
    redirect_uri: config.redirectUri,
    code: cleanCode,
  });
  const { body } = await http.send({
    method: 'POST',
    url: apiUrl(config, 'oauth/access_token'),
    form,
    idempotent: false,
    envelope: 'oauth',
    secrets: [cleanCode],
  });
  const payload = unwrapTokenPayload(body);
  const accessToken = payload ? readString(payload, 'access_token') : undefined;
  // user_id arrives as a bare integer above 2^53; the lossless parser already turned it into its digits.
  const rawUserId = payload?.['user_id'];
  const userId = typeof rawUserId === 'string' ? rawUserId : undefined;
  if (payload === undefined || accessToken === undefined || userId === undefined || !/^\d+$/.test(userId)) {
    throw tokenError('token exchange answer has no access_token/user_id');
  }
  return { accessToken, userId, permissions: parsePermissions(payload['permissions']) };
}

function toLongLivedToken(body: JsonValue): LongLivedToken {
  const payload = unwrapTokenPayload(body);
  const accessToken = payload ? readString(payload, 'access_token') : undefined;
  const expiresIn = payload ? readNumber(payload, 'expires_in') : undefined;
  if (payload === undefined || accessToken === undefined || expiresIn === undefined) {
    throw tokenError('token answer has no access_token/expires_in');
  }
  return { accessToken, tokenType: readString(payload, 'token_type') ?? 'bearer', expiresIn };
}

export async function exchangeLongLived(config: ResolvedConfig, http: HttpTransport, shortToken: string): Promise<LongLivedToken> {
  const { body } = await http.send({
    method: 'GET',
    url: graphRootUrl(config, 'access_token', { grant_type: 'ig_exchange_token', client_secret: config.appSecret }),
    token: shortToken,
    tokenPlacement: 'query',
    idempotent: true,
    envelope: 'graph',
  });
  return toLongLivedToken(body);
}

export async function refreshLongLived(config: ResolvedConfig, http: HttpTransport, token: string): Promise<LongLivedToken> {
  const { body } = await http.send({
    method: 'GET',
    url: graphRootUrl(config, 'refresh_access_token', { grant_type: 'ig_refresh_token' }),
    token,
    tokenPlacement: 'query',
    idempotent: true,
    envelope: 'graph',
  });
  return toLongLivedToken(body);
}
