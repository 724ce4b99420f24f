import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AdminPanelService } from '../../admin-panel/admin-panel.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

export interface MailSettings {
  /** Null = the outbox driver (no Resend key anywhere). */
  apiKey: string | null;
  baseUrl: string | undefined;
  from: string;
  webhookSecret: string | null;
}

/**
 * Resend's key, sender and webhook secret: the super-admin's system settings override env.
 * The settings service is looked up lazily: it lives in the admin panel module, which itself
 * depends on this global mail module (the lead will switch this to the cached core/settings).
 */
@Injectable()
export class MailSettingsReader {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  async current(): Promise<MailSettings> {
    const settings = this.moduleRef.get(AdminPanelService, { strict: false });
    const [apiKey, from, webhookSecret] = await Promise.all([settings.getSetting('resend.apiKey'), settings.getSetting('resend.from'), settings.getSetting('resend.webhookSecret')]);
    return {
      apiKey: apiKey ?? this.config.mail.resendApiKey ?? null,
      baseUrl: this.config.mail.resendBaseUrl,
      from: from ?? this.config.mail.from,
      webhookSecret: webhookSecret ?? this.config.mail.resendWebhookSecret ?? null,
    };
  }
}
