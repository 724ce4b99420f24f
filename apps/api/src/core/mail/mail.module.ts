import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service.js';
import { MAIL_TRANSPORT } from './mail.types.js';
import { OutboxRepository } from './outbox.repository.js';

@Global()
@Module({
  providers: [OutboxRepository, MailService, { provide: MAIL_TRANSPORT, useExisting: OutboxRepository }],
  exports: [MailService, OutboxRepository],
})
export class MailModule {}
