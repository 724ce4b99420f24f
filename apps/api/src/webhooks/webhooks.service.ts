import { Injectable, Logger } from '@nestjs/common';
import { parseJsonLossless, verifyWebhookChallenge, verifyWebhookSignature } from '@instagrowth/instagram-graph';
import { DomainError } from '../core/errors/domain-error.js';
import { InstagramClientProvider } from '../core/instagram/instagram-client.provider.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { TenantsRepository } from '../control/tenants.repository.js';
import { AccountsIndexRepository } from '../accounts/accounts-index.repository.js';
import { parseWebhookBody } from './webhooks.dto.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WorkspaceApps } from '../core/instagram/workspace-apps.service.js';
import type { WebhookHandshakeQuery } from '@instagrowth/contracts';

/**
 * Instagram webhooks arrive on the root host for every workspace: the signature is checked over
 * the raw bytes, then each event goes to every workspace where its Instagram account is connected
 * (control.instagram_account_index) through the app that signed the delivery, stored once per
 * workspace for the inbox to process. Each app has its own callback URL (the platform's, or
 * `/apps/<app id>` for a workspace's own app), so the path says which secret must verify.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly provider: InstagramClientProvider,
    private readonly index: AccountsIndexRepository,
    private readonly tenants: TenantsRepository,
    private readonly ctx: TenantContext,
    private readonly repo: WebhooksRepository,
    private readonly apps: WorkspaceApps,
  ) {}

  async handshake(query: WebhookHandshakeQuery): Promise<string> {
    const settings = await this.provider.settingsOrNull();
    const check = settings?.webhookVerifyToken ? verifyWebhookChallenge(query, settings.webhookVerifyToken) : { ok: false as const };
    if (!check.ok) throw new DomainError('webhook_verification_failed', 403, 'The verify token does not match this platform’s Instagram webhook settings.');
    return check.challenge;
  }

  /** A workspace's own app: the verify token its settings page shows (any workspace that entered this app id). */
  async appHandshake(appId: string, query: WebhookHandshakeQuery): Promise<string> {
    for (const app of await this.apps.findByAppId(appId)) {
      const check = verifyWebhookChallenge(query, app.webhookVerifyToken);
      if (check.ok) return check.challenge;
    }
    throw new DomainError('webhook_verification_failed', 403, 'The verify token does not match the webhook settings of this Instagram app.');
  }

  /** The platform app's deliveries: its secret, and only connections made through the platform's app. */
  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<{ stored: number; routed: number }> {
    const settings = await this.provider.settingsOrNull();
    if (!settings) throw new DomainError('instagram_not_configured', 503, 'Instagram is not configured on this platform.');
    if (!rawBody || !signature || !verifyWebhookSignature(rawBody, signature, settings.appSecret)) throw invalidSignature();
    return this.route(rawBody, { appId: null });
  }

  /**
   * A workspace app's deliveries: the path names the app; the signature must verify with the secret
   * a workspace stored for it, and events go only to the connections those workspaces made through
   * it. A delivery signed with any other secret (the platform's included) is refused.
   */
  async receiveForApp(appId: string, rawBody: Buffer | undefined, signature: string | undefined): Promise<{ stored: number; routed: number }> {
    const verified = rawBody && signature ? (await this.apps.findByAppId(appId)).filter((app) => verifyWebhookSignature(rawBody, signature, app.appSecret)) : [];
    if (!rawBody || !verified.length) throw invalidSignature();
    return this.route(rawBody, { appId, tenantIds: verified.map((app) => app.tenantId) });
  }

  private async route(rawBody: Buffer, via: { appId: string | null; tenantIds?: number[] }): Promise<{ stored: number; routed: number }> {
    let body: unknown;
    try {
      body = parseJsonLossless(rawBody.toString('utf8'));
    } catch {
      throw new DomainError('invalid_body', 400, 'The webhook body is not valid JSON.');
    }
    const events = parseWebhookBody(body);
    let stored = 0;
    let routed = 0;
    const byAccount = new Map<string, typeof events>();
    for (const e of events) byAccount.set(e.igUserId, [...(byAccount.get(e.igUserId) ?? []), e]);
    for (const [igUserId, accountEvents] of byAccount) {
      const targets = await this.index.findByIgUserId(igUserId, via);
      if (!targets.length) this.logger.warn(`Webhook for Instagram account ${igUserId}, which no workspace has connected through ${via.appId ? `app ${via.appId}` : 'the platform app'}`);
      for (const target of targets) {
        const tenant = await this.tenants.findById(target.tenant_id);
        if (!tenant || tenant.status !== 'active') continue;
        routed++;
        stored += await this.ctx.run(tenant, () => this.repo.store(target.account_id, accountEvents));
      }
    }
    return { stored, routed };
  }
}

const invalidSignature = () => new DomainError('invalid_signature', 401, 'The X-Hub-Signature-256 header does not match the body.');
