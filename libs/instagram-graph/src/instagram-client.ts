import { getAccountInsightsSeries, getAccountTotalValues, getOnlineFollowers, type AccountSeries, type OnlineFollowers, type OnlineFollowersOptions, type SeriesOptions, type TotalValuesOptions } from './account-insights.js';
import { resolveConfig, type InstagramClientConfig, type ResolvedConfig } from './config.js';
import { HttpTransport, type ClientStats } from './http-transport.js';
import type { MetricResult } from './insight-values.js';
import { listMedia, type InstagramMediaPage, type ListMediaOptions } from './media-list.js';
import { getMediaInsights, type MediaInsightsOptions, type MediaRef } from './media-insights.js';
import { buildAuthorizeUrl, parseCallbackQuery, type AuthorizeUrlOptions, type CallbackQuery, type CallbackResult } from './oauth-authorize.js';
import { exchangeCode, exchangeLongLived, refreshLongLived, type LongLivedToken, type ShortLivedToken } from './oauth-tokens.js';
import { getMe, type InstagramProfile } from './profile.js';
import type { InstagramUsage } from './usage-headers.js';
import { subscribeWebhooks } from './webhook-subscription.js';

/** The "Instagram API with Instagram Login" client: one instance per app config, shared by all accounts
 * (tokens are passed per call, so one instance serves every tenant). */
export class InstagramClient {
  readonly config: Readonly<Omit<ResolvedConfig, 'appSecret'>>;
  private readonly resolved: ResolvedConfig;
  private readonly http: HttpTransport;

  constructor(config: InstagramClientConfig) {
    this.resolved = resolveConfig(config);
    const { appSecret: _secret, ...visible } = this.resolved;
    this.config = Object.freeze(visible);
    this.http = new HttpTransport(this.resolved);
  }

  /** HTTP calls made by this instance (every attempt, retries included), per normalised path. */
  get stats(): ClientStats {
    return this.http.stats;
  }

  resetStats(): void {
    this.http.resetStats();
  }

  /** Usage headers of the latest response that carried them. */
  get lastUsage(): InstagramUsage | undefined {
    return this.http.lastUsage;
  }

  buildAuthorizeUrl(options: AuthorizeUrlOptions): string {
    return buildAuthorizeUrl(this.resolved, options);
  }

  parseCallbackQuery(query: CallbackQuery): CallbackResult {
    return parseCallbackQuery(query);
  }

  exchangeCode(code: string): Promise<ShortLivedToken> {
    return exchangeCode(this.resolved, this.http, code);
  }

  exchangeLongLived(shortToken: string): Promise<LongLivedToken> {
    return exchangeLongLived(this.resolved, this.http, shortToken);
  }

  refreshLongLived(token: string): Promise<LongLivedToken> {
    return refreshLongLived(this.resolved, this.http, token);
  }

  getMe(token: string, fields?: readonly string[]): Promise<InstagramProfile> {
    return getMe(this.resolved, this.http, token, fields);
  }

  listMedia(token: string, options?: ListMediaOptions): AsyncGenerator<InstagramMediaPage, void, undefined> {
    return listMedia(this.resolved, this.http, token, options);
  }

  getMediaInsights(token: string, media: MediaRef, options?: MediaInsightsOptions): Promise<MetricResult[]> {
    return getMediaInsights(this.resolved, this.http, token, media, options);
  }

  getAccountInsightsSeries(token: string, igUserId: string, options: SeriesOptions): Promise<AccountSeries> {
    return getAccountInsightsSeries(this.resolved, this.http, token, igUserId, options);
  }

  getAccountTotalValues(token: string, igUserId: string, options: TotalValuesOptions): Promise<MetricResult[]> {
    return getAccountTotalValues(this.resolved, this.http, token, igUserId, options);
  }

  getOnlineFollowers(token: string, igUserId: string, options?: OnlineFollowersOptions): Promise<OnlineFollowers> {
    return getOnlineFollowers(this.resolved, this.http, token, igUserId, options);
  }

  subscribeWebhooks(token: string, igUserId: string, fields?: readonly string[]): Promise<boolean> {
    return subscribeWebhooks(this.resolved, this.http, token, igUserId, fields);
  }
}

export function createInstagramClient(config: InstagramClientConfig): InstagramClient {
  return new InstagramClient(config);
}
