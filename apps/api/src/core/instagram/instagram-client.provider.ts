import { Inject, Injectable, Logger } from '@nestjs/common';
import { publicUrlProblem } from '@instagrowth/contracts';
import { InstagramClient, type InstagramClientConfig } from '@instagrowth/instagram-graph';
import { SettingsService } from '../settings/settings.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DomainError } from '../errors/domain-error.js';

export interface InstagramAppSettings {
  appId: string;
  appSecret: string;
  redirectUri: string;
  webhookVerifyToken: string | null;
}

const CACHE_MS = 30_000;

/**
 * The Instagram client built from system settings (super-admin), falling back to env. One client
 * per settings value: its keep-alive connections and call counters are shared by every sync.
 */
@Injectable()
export class InstagramClientProvider {
  private readonly logger = new Logger('Instagram');
  private cached: { key: string; client: InstagramClient; settings: InstagramAppSettings; at: number } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsService,
  ) {
    // Every process hears a change (SettingsService fans it out through Redis).
    settings.onChange((keys) => {
      if (keys.some((k) => k.startsWith('instagram.'))) this.invalidate();
    });
  }

  /** Null when the platform has no Instagram app configured. */
  async settingsOrNull(): Promise<InstagramAppSettings | null> {
    const s = await this.settings.getMany(['instagram.appId', 'instagram.appSecret', 'instagram.redirectUri', 'instagram.webhookVerifyToken']);
    const [appId, appSecret, redirectUri, verifyToken] = [s['instagram.appId'], s['instagram.appSecret'], s['instagram.redirectUri'], s['instagram.webhookVerifyToken']];
    const ig = this.config.instagram;
    const resolved = {
      appId: appId ?? ig.appId,
      appSecret: appSecret ?? ig.appSecret,
      redirectUri: redirectUri ?? ig.redirectUri ?? `${this.config.appUrl.origin}/api/instagram/callback`,
      webhookVerifyToken: verifyToken ?? ig.webhookVerifyToken ?? null,
    };
    if (!resolved.appId || !resolved.appSecret) return null;
    return resolved as InstagramAppSettings;
  }

  async client(): Promise<InstagramClient> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.client;
    const settings = await this.settingsOrNull();
    if (!settings) {
      throw new DomainError(
        'instagram_not_configured',
        503,
        'Instagram is not configured on this platform yet: the platform admin must add the Instagram app ID and secret. You can add a manual account meanwhile.',
      );
    }
    // Checked again here: a value stored before validation existed, or from env, must never reach an authorize URL.
    // Our own callback on the configured APP_URL passes too (a plain-http deployment is a choice made in env).
    const ownCallback = settings.redirectUri === `${this.config.appUrl.origin}/api/instagram/callback`;
    const redirectProblem = ownCallback ? null : publicUrlProblem(settings.redirectUri);
    if (redirectProblem) {
      throw new DomainError('instagram_misconfigured', 503, `The Instagram redirect URI ${redirectProblem}: the platform admin must fix it in the settings.`);
    }
    const key = `${settings.appId}|${settings.appSecret}|${settings.redirectUri}`;
    if (this.cached?.key !== key) {
      const ig = this.config.instagram;
      const config: InstagramClientConfig = {
        appId: settings.appId,
        appSecret: settings.appSecret,
        redirectUri: settings.redirectUri,
        authorizeUrl: ig.authorizeUrl,
        apiBaseUrl: ig.apiBaseUrl,
        graphBaseUrl: ig.graphBaseUrl,
        graphVersion: ig.graphVersion,
        // The client redacts tokens from every URL and message it logs.
        logger: { debug: (m) => this.logger.debug(m), warn: (m) => this.logger.warn(m) },
      };
      this.cached = { key, client: new InstagramClient(config), settings, at: Date.now() };
    } else {
      this.cached.at = Date.now();
    }
    return this.cached.client;
  }

  /** Tests and the bench swap in a client pointed at the fake Graph server. */
  invalidate(): void {
    this.cached = undefined;
  }
}
