import { Module } from '@nestjs/common';
import { LimitsModule } from '../limits/limits.module.js';
import { MailAdminController } from './mail-admin.controller.js';
import { MailAutomationsRepository } from './mail-automations.repository.js';
import { MailAutomationsService } from './mail-automations.service.js';
import { MailCenterService } from './mail-center.service.js';
import { MailController } from './mail.controller.js';
import { MailSchedule } from './mail.schedule.js';
import { MailTemplatesService } from './mail-templates.service.js';
import { ResendWebhookService } from './resend-webhook.service.js';
import { SendingDomainService } from './sending-domain.service.js';

/** E-mail automations: log, preferences, unsubscribe, Resend webhooks and domains, the console's templates, the schedule. */
@Module({
  imports: [LimitsModule],
  controllers: [MailController, MailAdminController],
  providers: [MailAutomationsRepository, MailAutomationsService, MailCenterService, MailTemplatesService, ResendWebhookService, SendingDomainService, MailSchedule],
  exports: [MailAutomationsService],
})
export class MailAutomationsModule {}
