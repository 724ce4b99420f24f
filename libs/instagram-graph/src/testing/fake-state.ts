import { readString, type JsonObject } from '../json.js';
import type { FakeAccount, FakeMedia, FakeProductType, TokenKind } from './fake-types.js';
import type { Fixtures } from './fixtures.js';
import { hashString } from './seeded-random.js';
import { syntheticAccount, syntheticMedia } from './synthetic-data.js';

// Everything the fake knows and every knob a test can turn: accounts, tokens, codes, and the
// failure controls (throttling, expired tokens, one-shot 5xx, rejected metrics).

export type RateLimitCode = 4 | 17 | 32 | 613 | 80002;

export interface ThrottleOptions {
  /** Default 4 (app-level, fixtures/error_rate_limit.json); 80002 serves fixtures/extra/error_rate_limit_buc.json. */
  code?: RateLimitCode;
  /** Sent as estimated_time_to_regain_access (minutes) in X-Business-Use-Case-Usage. Default 5. */
  regainMinutes?: number;
  /** Throttle only this many calls, then recover. Default: until unthrottle(). */
  times?: number;
  httpStatus?: number;
}

export interface FailureOptions {
  /** How many upcoming matching requests fail. Default 1. */
  count?: number;
  /** HTTP status for mode 'error'. Default 500. */
  status?: number;
  /** Only requests whose path contains this string. */
  pathIncludes?: string;
  /** 'error': 5xx with a transient Graph envelope; 'reset': drop the connection; 'hang': never answer. */
  mode?: 'error' | 'reset' | 'hang';
}

export interface FakeCall {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The token the request carried (query or Bearer), if any. */
  token?: string;
}

export interface AuthCodeRecord {
  code: string;
  igUserId: string;
  redirectUri: string;
  scopes: string[];
  used: boolean;
  expiresAt: number;
}

export interface PendingAuthorization {
  id: string;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  igUserId: string;
}

interface ThrottleRule {
  code: RateLimitCode;
  regainMinutes: number;
  remaining: number;
  httpStatus: number;
}

interface FailureRule {
  remaining: number;
  status: number;
  pathIncludes: string | undefined;
  mode: 'error' | 'reset' | 'hang';
}

export interface FakeStateSettings {
  seed: number;
  mediaPerAccount: number;
  appId: string;
  appSecret: string;
  nowSeconds: number;
  /** Calls per account that make 100 % in the computed X-Business-Use-Case-Usage header. */
  usageBudgetPerAccount: number;
  recordCalls: boolean;
  tokenResponseShape: 'flat' | 'data';
  autoApprove: false | 'allow' | 'deny';
}

const FIXTURE_INSIGHTS: Record<string, 'reel' | 'image' | 'empty'> = {
  '18034567890123456': 'reel',
  '18123456789000111': 'image',
  // The older reel of page 2 answers `values: []` everywhere, like the fresh reels C5 observed.
  '18011122233344455': 'empty',
};

const CODE_LIFETIME_MS = 60 * 60 * 1000;

export class FakeState {
  /** Index 0 is the fixture account (fixtures/me.json); synthetic accounts follow. */
  readonly accounts: FakeAccount[] = [];
  /** Every request received, in order. */
  readonly calls: FakeCall[] = [];
  /** igUserId → subscribed webhook fields. */
  readonly subscriptions = new Map<string, string[]>();
  /** `flat` (what production sees, unsafe integer user_id) or `data` (the documented `data[]` wrapper). */
  tokenResponseShape: 'flat' | 'data';
  /** Skip the authorize page: redirect at once with a code ('allow') or the denial ('deny'). */
  autoApprove: false | 'allow' | 'deny';
  /** Which account the authorize page logs in as (igUserId). Default: the fixture account. */
  authorizeAs: string | undefined;

  private readonly tokens = new Map<string, { igUserId: string; kind: TokenKind }>();
  private readonly byIgUserId = new Map<string, FakeAccount>();
  private readonly mediaByAccount = new Map<string, FakeMedia[]>();
  private readonly mediaById = new Map<string, FakeMedia>();
  private readonly expired = new Set<string>();
  private readonly throttles = new Map<string, ThrottleRule>();
  private failures: FailureRule[] = [];
  private readonly rejectedMetrics = new Map<string, Set<string> | 'all'>();
  private readonly usageOverrides = new Map<string, Record<string, string>>();
  private readonly withheld = new Set<string>();
  private readonly codes = new Map<string, AuthCodeRecord>();
  private readonly pending = new Map<string, PendingAuthorization>();
  private readonly callsPerAccount = new Map<string, number>();
  private sequence = 0;

  constructor(
    readonly settings: FakeStateSettings,
    readonly fixtures: Fixtures,
  ) {
    this.tokenResponseShape = settings.tokenResponseShape;
    this.autoApprove = settings.autoApprove;
    this.register(this.fixtureAccountFrom(fixtures));
    const refreshed = readString(fixtures.refreshToken, 'access_token');
    if (refreshed !== undefined) this.tokens.set(refreshed, { igUserId: this.fixtureAccount.igUserId, kind: 'long' });
  }

  get fixtureAccount(): FakeAccount {
    const account = this.accounts[0];
    if (account === undefined) throw new Error('fake has no fixture account');
    return account;
  }

  // ---- accounts and tokens -------------------------------------------------------------------

  /** Adds the next synthetic account (deterministic from the seed and its index). */
  addAccount(overrides: Partial<Omit<FakeAccount, 'index' | 'fixture'>> = {}): FakeAccount {
    const index = this.accounts.length;
    const account: FakeAccount = { ...syntheticAccount(this.settings.seed, index), ...overrides, index, fixture: false };
    account.mediaCount = overrides.mediaCount ?? this.settings.mediaPerAccount;
    return this.register(account);
  }

  accountForToken(token: string): FakeAccount | undefined {
    const record = this.tokens.get(token);
    return record === undefined ? undefined : this.byIgUserId.get(record.igUserId);
  }

  tokenKind(token: string): TokenKind | undefined {
    return this.tokens.get(token)?.kind;
  }

  accountById(igUserId: string): FakeAccount | undefined {
    return this.byIgUserId.get(igUserId);
  }

  /** Mints a new token for an account (e.g. a refresh). */
  issueToken(account: FakeAccount, kind: TokenKind, value?: string): string {
    const token = value ?? `IGAAFake${this.settings.seed}x${account.index}${kind === 'long' ? 'L' : 'S'}${this.nextId().toString(36)}`;
    this.tokens.set(token, { igUserId: account.igUserId, kind });
    return token;
  }

  /** Media of an account, newest first (generated on first use). */
  mediaOf(account: FakeAccount): FakeMedia[] {
    let media = this.mediaByAccount.get(account.igUserId);
    if (media === undefined) {
      media = account.fixture ? this.fixtureMedia(account) : syntheticMedia(this.settings.seed, account, account.mediaCount, this.settings.nowSeconds);
      this.mediaByAccount.set(account.igUserId, media);
      for (const item of media) this.mediaById.set(item.id, item);
    }
    return media;
  }

  findMedia(mediaId: string, owner: FakeAccount): FakeMedia | undefined {
    this.mediaOf(owner);
    return this.mediaById.get(mediaId);
  }

  // ---- OAuth -----------------------------------------------------------------------------------

  /** Creates a single-use authorization code (what "Allow" does), valid 1 hour. No scopes = all five. */
  issueCode(igUserId: string = this.fixtureAccount.igUserId, redirectUri = '', scopes: readonly string[] = []): string {
    const code = `AQFake${hashString(`${this.settings.seed}|code|${this.nextId()}`).toString(36)}${this.nextId().toString(36)}`;
    // Granted permissions come back in the order of the fixture (Meta's order), whatever the request order.
    const canonical = this.fixtures.oauthAccessToken.permissions;
    const requested = scopes.length === 0 ? canonical : scopes;
    const ordered = [...canonical.filter((scope) => requested.includes(scope)), ...requested.filter((scope) => !canonical.includes(scope))];
    const granted = ordered.filter((scope) => !this.withheld.has(scope));
    this.codes.set(code, { code, igUserId, redirectUri, scopes: granted, used: false, expiresAt: Date.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** Marks the code used and returns it, or undefined when unknown, used or expired. */
  consumeCode(code: string): AuthCodeRecord | undefined {
    const record = this.codes.get(code);
    if (record === undefined || record.used || record.expiresAt < Date.now()) return undefined;
    record.used = true;
    return record;
  }

  /** The user unticks these permissions on the consent screen (§1.3). */
  withholdScopes(scopes: readonly string[]): void {
    for (const scope of scopes) this.withheld.add(scope);
  }

  addPendingAuthorization(request: Omit<PendingAuthorization, 'id'>): PendingAuthorization {
    const pending = { ...request, id: `req${this.nextId()}` };
    this.pending.set(pending.id, pending);
    return pending;
  }

  takePendingAuthorization(id: string): PendingAuthorization | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    return pending;
  }

  // ---- failure controls ------------------------------------------------------------------------

  /** Every call with this token answers 190/463 (fixtures/error_expired_token.json). */
  expireToken(token: string): void {
    this.expired.add(token);
  }

  isExpired(token: string): boolean {
    return this.expired.has(token);
  }

  /** Calls with this token answer a throttling error with usage headers. */
  throttle(token: string, options: ThrottleOptions = {}): void {
    this.throttles.set(token, {
      code: options.code ?? 4,
      regainMinutes: options.regainMinutes ?? 5,
      remaining: options.times ?? Number.POSITIVE_INFINITY,
      httpStatus: options.httpStatus ?? 400,
    });
  }

  unthrottle(token: string): void {
    this.throttles.delete(token);
  }

  takeThrottle(token: string): Omit<ThrottleRule, 'remaining'> | undefined {
    const rule = this.throttles.get(token);
    if (rule === undefined) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.throttles.delete(token);
    return rule;
  }

  /** The next matching request(s) fail once: a 5xx, a dropped connection, or no answer at all. */
  failNext(options: FailureOptions = {}): void {
    this.failures.push({ remaining: options.count ?? 1, status: options.status ?? 500, pathIncludes: options.pathIncludes, mode: options.mode ?? 'error' });
  }

  takeFailure(path: string): Omit<FailureRule, 'remaining'> | undefined {
    const rule = this.failures.find((candidate) => candidate.pathIncludes === undefined || path.includes(candidate.pathIncludes));
    if (rule === undefined) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.failures = this.failures.filter((candidate) => candidate !== rule);
    return rule;
  }

  /** Simulates Meta dropping a metric: asking it (for one media, or everywhere) fails with code 100. */
  rejectMetric(metric: string, mediaId?: string): void {
    if (mediaId === undefined) {
      this.rejectedMetrics.set(metric, 'all');
      return;
    }
    const current = this.rejectedMetrics.get(metric);
    if (current === 'all') return;
    this.rejectedMetrics.set(metric, new Set([...(current ?? []), mediaId]));
  }

  isMetricRejected(metric: string, objectId: string): boolean {
    const rule = this.rejectedMetrics.get(metric);
    return rule === 'all' || (rule !== undefined && rule.has(objectId));
  }

  /** Raw usage headers to send with every answer to this token (e.g. fixtures/extra/rate_limit_headers.json); undefined restores the computed ones. */
  setUsageHeaders(token: string, headers: Record<string, string> | undefined): void {
    if (headers === undefined) this.usageOverrides.delete(token);
    else this.usageOverrides.set(token, headers);
  }

  usageOverride(token: string): Record<string, string> | undefined {
    return this.usageOverrides.get(token);
  }

  /** Counts a Graph call against the account's synthetic BUC budget; returns the percentage used. */
  countAccountCall(igUserId: string): number {
    const calls = (this.callsPerAccount.get(igUserId) ?? 0) + 1;
    this.callsPerAccount.set(igUserId, calls);
    return Math.min(100, Math.floor((calls * 100) / this.settings.usageBudgetPerAccount));
  }

  /** Clears every failure control (throttles, expiries, pending failures, rejected metrics, usage overrides, withheld scopes). */
  resetControls(): void {
    this.expired.clear();
    this.throttles.clear();
    this.failures = [];
    this.rejectedMetrics.clear();
    this.usageOverrides.clear();
    this.withheld.clear();
  }

  recordCall(call: FakeCall): void {
    if (this.settings.recordCalls) this.calls.push(call);
  }

  nextId(): number {
    this.sequence += 1;
    return this.sequence;
  }

  // ---- internals -------------------------------------------------------------------------------

  private register(account: FakeAccount): FakeAccount {
    this.accounts.push(account);
    this.byIgUserId.set(account.igUserId, account);
    this.tokens.set(account.token, { igUserId: account.igUserId, kind: 'long' });
    this.tokens.set(account.shortToken, { igUserId: account.igUserId, kind: 'short' });
    return account;
  }

  private fixtureAccountFrom(fixtures: Fixtures): FakeAccount {
    const me = fixtures.me;
    const text = (key: string): string => readString(me, key) ?? '';
    const number = (key: string): number => {
      const value = me[key];
      return typeof value === 'number' ? value : 0;
    };
    const longToken = readString(fixtures.longLivedToken, 'access_token');
    if (longToken === undefined) throw new Error('long_lived_token.json has no access_token');
    return {
      index: 0,
      fixture: true,
      igUserId: text('user_id'),
      appScopedId: text('id'),
      username: text('username'),
      name: text('name'),
      accountType: text('account_type') === 'BUSINESS' ? 'BUSINESS' : 'MEDIA_CREATOR',
      followersCount: number('followers_count'),
      followsCount: number('follows_count'),
      biography: text('biography'),
      website: text('website'),
      profilePictureUrl: text('profile_picture_url'),
      token: longToken,
      shortToken: fixtures.oauthAccessToken.accessToken,
      mediaCount: fixtures.mediaItems.length,
    };
  }

  private fixtureMedia(account: FakeAccount): FakeMedia[] {
    return this.fixtures.mediaItems.map((wire: JsonObject): FakeMedia => {
      const id = readString(wire, 'id') ?? '';
      const productType = (readString(wire, 'media_product_type') ?? 'FEED') as FakeProductType;
      const source = FIXTURE_INSIGHTS[id];
      const insights: FakeMedia['insights'] =
        source === 'reel'
          ? { kind: 'fixture', entries: this.fixtures.mediaInsightsReel }
          : source === 'image'
            ? { kind: 'fixture', entries: this.fixtures.mediaInsightsImage }
            : source === 'empty'
              ? { kind: 'empty' }
              : { kind: 'synthetic', values: carouselValues(wire), profileActivity: { BIO_LINK_CLICKED: 7, EMAIL: 1, DIRECTION: 0 }, navigation: {} };
      return {
        id,
        ownerId: account.igUserId,
        productType,
        mediaType: readString(wire, 'media_type') ?? 'IMAGE',
        createdAt: Math.floor(Date.parse(readString(wire, 'timestamp') ?? '') / 1000),
        wire,
        sharedToFacebook: false,
        insights,
      };
    });
  }
}

/** The fixture carousel has no insights fixture: derive plausible numbers from its own counts. */
function carouselValues(wire: JsonObject): Record<string, number> {
  const likes = typeof wire['like_count'] === 'number' ? wire['like_count'] : 0;
  const comments = typeof wire['comments_count'] === 'number' ? wire['comments_count'] : 0;
  const saved = Math.round(likes * 0.2);
  const shares = Math.round(likes * 0.05);
  return {
    views: likes * 9,
    reach: likes * 6,
    likes,
    comments,
    saved,
    shares,
    total_interactions: likes + comments + saved + shares,
    reposts: 4,
    follows: 11,
    profile_visits: 95,
    profile_activity: 8,
  };
}
