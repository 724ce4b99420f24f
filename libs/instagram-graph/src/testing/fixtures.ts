import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { isJsonObject, readArray, type JsonObject, type JsonValue } from '../json.js';

// The fixtures of /work/shared/instagram/fixtures, loaded once per fake server. Raw text is kept for
// the files whose exact bytes matter (the unsafe-integer token answer, the OAuth error envelope).

/**
 * `<repo>/../shared/instagram/fixtures/`, resolved from src/testing (and dist/testing, same depth);
 * $INSTAGRAM_FIXTURES_DIR overrides it (a git worktree is not a sibling of `shared/`).
 */
const fixturesFromEnv = process.env['INSTAGRAM_FIXTURES_DIR'];
export const DEFAULT_FIXTURES_DIR = fixturesFromEnv
  ? pathToFileURL(fixturesFromEnv.endsWith('/') ? fixturesFromEnv : `${fixturesFromEnv}/`)
  : new URL('../../../../../shared/instagram/fixtures/', import.meta.url);

export interface Fixtures {
  dir: string;
  raw: {
    oauthAccessToken: string;
    oauthAccessTokenError: string;
    errorExpiredToken: string;
    errorRateLimit: string;
    errorRateLimitBuc: string;
    errorInvalidMetric: string;
  };
  oauthAccessToken: { accessToken: string; userIdDigits: string; permissions: string[] };
  longLivedToken: JsonObject;
  refreshToken: JsonObject;
  me: JsonObject;
  mediaItems: JsonObject[];
  mediaInsightsReel: JsonObject[];
  mediaInsightsImage: JsonObject[];
  userInsightsReach: JsonObject;
  userInsightsTotalValue: JsonObject[];
  userInsightsFollowsBreakdown: JsonObject[];
  followerDemographics: JsonObject[];
  onlineFollowers: JsonObject;
  rateLimitHeaders: Record<string, string>;
}

function resolveDir(dir: string | URL | undefined): string {
  const chosen = dir ?? process.env['INSTAGRAM_FIXTURES_DIR'] ?? DEFAULT_FIXTURES_DIR;
  return chosen instanceof URL ? fileURLToPath(chosen) : path.resolve(chosen);
}

function asObject(value: JsonValue, file: string): JsonObject {
  if (!isJsonObject(value)) throw new Error(`Fixture ${file} is not a JSON object`);
  return value;
}

function dataEntries(value: JsonObject): JsonObject[] {
  return (readArray(value, 'data') ?? []).filter(isJsonObject);
}

export function loadFixtures(dir?: string | URL): Fixtures {
  const root = resolveDir(dir);
  const text = (file: string): string => readFileSync(path.join(root, file), 'utf8');
  const json = (file: string): JsonObject => asObject(JSON.parse(text(file)) as JsonValue, file);

  const oauthRaw = text('oauth_access_token.json');
  // The whole point of this fixture is an integer above 2^53: read its digits from the raw text.
  const userIdDigits = /"user_id"\s*:\s*(\d+)/.exec(oauthRaw)?.[1];
  const oauthParsed = asObject(JSON.parse(oauthRaw) as JsonValue, 'oauth_access_token.json');
  const accessToken = oauthParsed['access_token'];
  if (userIdDigits === undefined || typeof accessToken !== 'string') throw new Error('oauth_access_token.json has no user_id/access_token');
  const permissions = (readArray(oauthParsed, 'permissions') ?? []).filter((item): item is string => typeof item === 'string');

  const headers = json('extra/rate_limit_headers.json');
  const rateLimitHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('_') && typeof value === 'string') rateLimitHeaders[name] = value;
  }

  return {
    dir: root,
    raw: {
      oauthAccessToken: oauthRaw,
      oauthAccessTokenError: text('extra/oauth_access_token_error.json'),
      errorExpiredToken: text('error_expired_token.json'),
      errorRateLimit: text('error_rate_limit.json'),
      errorRateLimitBuc: text('extra/error_rate_limit_buc.json'),
      errorInvalidMetric: text('extra/error_invalid_metric.json'),
    },
    oauthAccessToken: { accessToken, userIdDigits, permissions },
    longLivedToken: json('long_lived_token.json'),
    refreshToken: json('refresh_token.json'),
    me: json('me.json'),
    mediaItems: [...dataEntries(json('media_page1.json')), ...dataEntries(json('media_page2.json'))],
    mediaInsightsReel: dataEntries(json('media_insights_reel.json')),
    mediaInsightsImage: dataEntries(json('media_insights_image.json')),
    userInsightsReach: dataEntries(json('user_insights_reach.json'))[0] ?? {},
    userInsightsTotalValue: dataEntries(json('extra/user_insights_total_value.json')),
    userInsightsFollowsBreakdown: dataEntries(json('extra/user_insights_follows_breakdown.json')),
    followerDemographics: dataEntries(json('extra/follower_demographics.json')),
    onlineFollowers: dataEntries(json('online_followers.json'))[0] ?? {},
    rateLimitHeaders,
  };
}

/** `values[].value` of the fixture reach series, keyed by end_time. */
export function fixtureReachByEndTime(fixtures: Fixtures): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of (readArray(fixtures.userInsightsReach, 'values') ?? []).filter(isJsonObject)) {
    const endTime = item['end_time'];
    const value = item['value'];
    if (typeof endTime === 'string' && typeof value === 'number') map.set(endTime, value);
  }
  return map;
}
