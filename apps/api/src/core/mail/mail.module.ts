import { Global, Module } from '@nestjs/common';
import { MailDelivery } from './mail-delivery.js';
import { MailLogRepository } from './mail-log.repository.js';
import { MailSettingsReader } from './mail-settings.js';
import { MailService } from './mail.service.js';
import { MAIL_TRANSPORT } from './mail.types.js';
import { OutboxRepository } from './outbox.repository.js';
import { ResendClientProvider } from './resend-client.js';

@Global()
@Module({
  providers: [OutboxRepository, MailLogRepository, MailSettingsReader, ResendClientProvider, MailDelivery, MailService, { provide: MAIL_TRANSPORT, useExisting: MailDelivery }],
  exports: [MailService, OutboxRepository, MailLogRepository, MailSettingsReader, ResendClientProvider],
})
export class MailModule {}
