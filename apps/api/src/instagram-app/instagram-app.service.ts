import { Inject, Injectable } from '@nestjs/common';
import type { InstagramAppInput, InstagramAppView } from '@instagrowth/contracts';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { InstagramClientProvider } from '../core/instagram/instagram-client.provider.js';
import { WorkspaceApps, type WorkspaceApp } from '../core/instagram/workspace-apps.service.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { LimitsService } from '../limits/limits.service.js';
import { InstagramAppRepository } from './instagram-app.repository.js';

/** The webhook callback URL an agency registers in its own Meta app: it names the app (see WebhooksService). */
export const appWebhookPath = (appId: string) => `/api/instagram/webhooks/apps/${appId}`;

/**
 * A workspace's own Instagram app (plan feature `ownInstagramApp`): the owner enters its id and
 * secret; the secret is sealed at rest and never answered (only its last four characters).
 */
@Injectable()
export class InstagramAppService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly apps: WorkspaceApps,
    private readonly provider: InstagramClientProvider,
    private readonly limits: LimitsService,
    private readonly ctx: TenantContext,
    private readonly repo: InstagramAppRepository,
  ) {}

  async get(): Promise<InstagramAppView> {
    return this.view(await this.apps.find(this.ctx.tenant.id));
  }

  async save(input: InstagramAppInput): Promise<InstagramAppView> {
    await this.limits.assertFeature('ownInstagramApp');
    return this.view(await this.apps.save(this.ctx.tenant.id, input.appId, input.appSecret));
  }

  /**
   * Back to the platform's app for new connections. Accounts connected through the removed app keep
   * their tokens (Graph calls need no app secret) but its webhooks stop verifying: reconnect them.
   * Allowed on any plan, so a downgraded workspace can still take its secret out.
   */
  async remove(): Promise<InstagramAppView> {
    await this.apps.remove(this.ctx.tenant.id);
    return this.view(null);
  }

  private async view(app: WorkspaceApp | null): Promise<InstagramAppView> {
    const [available, redirectUri, connectedAccounts] = await Promise.all([
      this.limits.hasFeature('ownInstagramApp'),
      this.provider.redirectUri(),
      app ? this.repo.countConnectedThrough(app.appId) : 0,
    ]);
    return {
      available,
      configured: Boolean(app),
      appId: app?.appId ?? null,
      secretLast4: app?.secretLast4 ?? null,
      redirectUri,
      webhookUrl: app ? `${this.config.appUrl.origin}${appWebhookPath(app.appId)}` : null,
      webhookVerifyToken: app?.webhookVerifyToken ?? null,
      connectedAccounts,
      updatedAt: app?.updatedAt.toISOString() ?? null,
    };
  }
}
