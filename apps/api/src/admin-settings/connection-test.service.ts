import { Inject, Injectable } from '@nestjs/common';
import type { ConnectionService, ConnectionTestResult } from '@instagrowth/contracts';
import { PlatformAuditRepository } from '../control/platform-audit.repository.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { DomainError } from '../core/errors/domain-error.js';
import { InstagramClientProvider } from '../core/instagram/instagram-client.provider.js';
import { SettingsService } from '../core/settings/settings.service.js';
import { probeInstagram, probeOpenAi, probeResend, probeStripe } from './provider-probes.js';

/**
 * "Test connection" in the console: the saved settings (else env, as the features themselves read
 * them) tried with one harmless call. Audited with the outcome, never the values.
 */
@Injectable()
export class ConnectionTestService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsService,
    private readonly instagram: InstagramClientProvider,
    private readonly audit: PlatformAuditRepository,
  ) {}

  async test(admin: AdminPrincipal, service: ConnectionService, ip: string): Promise<ConnectionTestResult> {
    const result = await this.run(service);
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'settings.connection_tested', meta: { service, ok: result.ok }, ip });
    return result;
  }

  private async run(service: ConnectionService): Promise<ConnectionTestResult> {
    switch (service) {
      case 'openai': {
        const s = await this.settings.getMany(['openai.apiKey', 'openai.baseUrl', 'openai.model']);
        const apiKey = s['openai.apiKey'] ?? this.config.openai.apiKey;
        if (!apiKey) return notConfigured('the OpenAI API key');
        return probeOpenAi({ apiKey, baseUrl: s['openai.baseUrl'] ?? this.config.openai.baseUrl, model: s['openai.model'] ?? this.config.openai.model });
      }
      case 'stripe': {
        const key = (await this.settings.get('stripe.secretKey')) ?? this.config.billing.stripeSecretKey;
        if (!key) return notConfigured('the Stripe secret key');
        return probeStripe(key, this.config.billing.stripeApiBaseUrl);
      }
      case 'instagram': {
        let client;
        try {
          client = await this.instagram.client();
        } catch (error) {
          if (error instanceof DomainError) return { ok: false, message: error.message };
          throw error;
        }
        return probeInstagram(client);
      }
      case 'resend': {
        const s = await this.settings.getMany(['resend.apiKey', 'resend.from']);
        if (!s['resend.apiKey']) return notConfigured('the Resend API key');
        return probeResend(s['resend.apiKey'], this.config.resend.baseUrl, s['resend.from']);
      }
    }
  }
}

const notConfigured = (what: string): ConnectionTestResult => ({ ok: false, message: `Not configured: enter ${what} and save first.` });
