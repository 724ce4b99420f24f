import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SettingsService } from '../settings/settings.service.js';

export interface MailSettings {
  /** Null = the outbox driver (no Resend key anywhere). */
  apiKey: string | null;
  baseUrl: string | undefined;
  from: string;
  webhookSecret: string | null;
}

/** Resend's key, sender and webhook secret: the super-admin's system settings override env. */
@Injectable()
export class MailSettingsReader {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsService,
  ) {}

  async current(): Promise<MailSettings> {
    const s = await this.settings.getMany(['resend.apiKey', 'resend.from', 'resend.webhookSecret'] as const);
    return {
      apiKey: s['resend.apiKey'] ?? this.config.mail.resendApiKey ?? null,
      baseUrl: this.config.mail.resendBaseUrl,
      from: s['resend.from'] ?? this.config.mail.from,
      webhookSecret: s['resend.webhookSecret'] ?? this.config.mail.resendWebhookSecret ?? null,
    };
  }
}
