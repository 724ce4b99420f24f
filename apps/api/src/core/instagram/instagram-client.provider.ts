import { Inject, Injectable, Logger } from '@nestjs/common';
import { publicUrlProblem } from '@instagrowth/contracts';
import { InstagramClient, type InstagramClientConfig } from '@instagrowth/instagram-graph';
import { AdminPanelService } from '../../admin-panel/admin-panel.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DomainError } from '../errors/domain-error.js';
import { WorkspaceApps } from './workspace-apps.service.js';

export interface InstagramAppSettings {
  appId: string;
  appSecret: string;
  redirectUri: string;
  webhookVerifyToken: string | null;
}

const CACHE_MS = 30_000;
/** Distinct apps whose clients are kept (the platform's and the agencies' own). */
const MAX_CLIENTS = 200;
const clientKey = (s: Pick<InstagramAppSettings, 'appId' | 'appSecret' | 'redirectUri'>) => `${s.appId}|${s.appSecret}|${s.redirectUri}`;

/**
 * The Instagram clients: the platform's, built from system settings (super-admin) falling back to
 * env, and a workspace's own app (agency plans) when it entered one. One client per app value: its
 * keep-alive connections and call counters are shared by every sync.
 */
@Injectable()
export class InstagramClientProvider {
  private readonly logger = new Logger('Instagram');
  private cached: { key: string; client: InstagramClient; settings: InstagramAppSettings; at: number } | undefined;
  private readonly clients = new Map<string, InstagramClient>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: AdminPanelService,
    private readonly apps: WorkspaceApps,
  ) {
    // Other processes pick up a change within CACHE_MS.
    settings.settingsChanges.on('updated', (keys: string[]) => {
      if (keys.some((k) => k.startsWith('instagram.'))) this.invalidate();
    });
  }

  /** The one redirect URI every app uses (the agency registers the same one in its Meta app). */
  async redirectUri(): Promise<string> {
    const stored = await this.settings.getSetting('instagram.redirectUri');
    return stored ?? this.config.instagram.redirectUri ?? `${this.config.appUrl.origin}/api/instagram/callback`;
  }

  /** Null when the platform has no Instagram app configured. */
  async settingsOrNull(): Promise<InstagramAppSettings | null> {
    const [appId, appSecret, redirectUri, verifyToken] = await Promise.all([
      this.settings.getSetting('instagram.appId'),
      this.settings.getSetting('instagram.appSecret'),
      this.redirectUri(),
      this.settings.getSetting('instagram.webhookVerifyToken'),
    ]);
    const ig = this.config.instagram;
    const resolved = {
      appId: appId ?? ig.appId,
      appSecret: appSecret ?? ig.appSecret,
      redirectUri,
      webhookVerifyToken: verifyToken ?? ig.webhookVerifyToken ?? null,
    };
    if (!resolved.appId || !resolved.appSecret) return null;
    return resolved as InstagramAppSettings;
  }

  /** The platform's client (workspaces without their own app). */
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
    const client = this.build(settings);
    this.cached = { key: clientKey(settings), client, settings, at: Date.now() };
    return client;
  }

  /**
   * The client a workspace connects with: its own app when it entered one (agency plans), else the
   * platform's. `appId` is what connections made now record (null = the platform's app).
   */
  async forWorkspace(tenantId: number): Promise<{ client: InstagramClient; appId: string | null }> {
    const own = await this.apps.find(tenantId);
    if (!own) return { client: await this.client(), appId: null };
    return { client: this.build({ appId: own.appId, appSecret: own.appSecret, redirectUri: await this.redirectUri() }), appId: own.appId };
  }

  /**
   * The client for an account's token: the app that issued it. A token from the workspace's own app
   * uses that app while it is configured; if the workspace removed or replaced it, the token still
   * works for Graph calls (they need no secret), so the platform's client carries them until the
   * account is reconnected.
   */
  async forAccount(tenantId: number, igAppId: string | null | undefined): Promise<InstagramClient> {
    if (igAppId) {
      const own = await this.apps.find(tenantId);
      if (own && own.appId === igAppId) return this.build({ appId: own.appId, appSecret: own.appSecret, redirectUri: await this.redirectUri() });
    }
    return this.client();
  }

  /** One client per app value: its keep-alive connections and call counters are shared. */
  private build(settings: Pick<InstagramAppSettings, 'appId' | 'appSecret' | 'redirectUri'>): InstagramClient {
    // Checked here: a value stored before validation existed, or from env, must never reach an authorize URL.
    // Our own callback on the configured APP_URL passes too (a plain-http deployment is a choice made in env).
    const ownCallback = settings.redirectUri === `${this.config.appUrl.origin}/api/instagram/callback`;
    const redirectProblem = ownCallback ? null : publicUrlProblem(settings.redirectUri);
    if (redirectProblem) {
      throw new DomainError('instagram_misconfigured', 503, `The Instagram redirect URI ${redirectProblem}: the platform admin must fix it in the settings.`);
    }
    const key = clientKey(settings);
    const hit = this.clients.get(key);
    if (hit) {
      // Most recently used last: the oldest entry is the one evicted.
      this.clients.delete(key);
      this.clients.set(key, hit);
      return hit;
    }
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
    const client = new InstagramClient(config);
    this.clients.set(key, client);
    if (this.clients.size > MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
    return client;
  }

  /** Tests and the bench swap in a client pointed at the fake Graph server. */
  invalidate(): void {
    this.cached = undefined;
    this.clients.clear();
  }
}
