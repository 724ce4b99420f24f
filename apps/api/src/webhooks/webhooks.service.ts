import { Injectable, Logger } from '@nestjs/common';
import { parseJsonLossless, verifyWebhookChallenge, verifyWebhookSignature } from '@instagrowth/instagram-graph';
import { DomainError } from '../core/errors/domain-error.js';
import { InstagramClientProvider } from '../core/instagram/instagram-client.provider.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { TenantsRepository } from '../control/tenants.repository.js';
import { AccountsIndexRepository } from '../accounts/accounts-index.repository.js';
import { parseWebhookBody } from './webhooks.dto.js';
import { WebhooksRepository } from './webhooks.repository.js';

/**
 * Instagram webhooks arrive on the root host for every workspace: the signature is checked over
 * the raw bytes, then each event goes to every workspace where its Instagram account is connected
 * (control.instagram_account_index), stored once per workspace for the inbox to process.
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
  ) {}

  async handshake(query: Record<string, string | undefined>): Promise<string> {
    const settings = await this.provider.settingsOrNull();
    const check = settings?.webhookVerifyToken ? verifyWebhookChallenge(query, settings.webhookVerifyToken) : { ok: false as const };
    if (!check.ok) throw new DomainError('webhook_verification_failed', 403, 'The verify token does not match this platform’s Instagram webhook settings.');
    return check.challenge;
  }

  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<{ stored: number; routed: number }> {
    const settings = await this.provider.settingsOrNull();
    if (!settings) throw new DomainError('instagram_not_configured', 503, 'Instagram is not configured on this platform.');
    if (!rawBody || !signature || !verifyWebhookSignature(rawBody, signature, settings.appSecret)) {
      throw new DomainError('invalid_signature', 401, 'The X-Hub-Signature-256 header does not match the body.');
    }
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
      const targets = await this.index.findByIgUserId(igUserId);
      if (!targets.length) this.logger.warn(`Webhook for Instagram account ${igUserId}, which no workspace has connected`);
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
