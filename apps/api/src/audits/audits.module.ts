import { MailAutomationsModule } from '../mail/mail.module.js';
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { BrandingModule } from '../branding/branding.module.js';
import { PlannerModule } from '../planner/planner.module.js';
import { CreditsModule } from '../credits/credits.module.js';
import { AccountSettingsService } from './account-settings.service.js';
import { AuditWriter } from './audit-writer.js';
import { AuditsController } from './audits.controller.js';
import { AuditsRepository } from './audits.repository.js';
import { AuditsService } from './audits.service.js';
import { ShareController } from './share.controller.js';

/** Audits (issue #12): job, storage, history, PDF, share links, account time zone. */
@Module({
  imports: [AccountsModule, CreditsModule, BrandingModule, PlannerModule, MailAutomationsModule],
  controllers: [AuditsController, ShareController],
  providers: [AuditsService, AuditsRepository, AuditWriter, AccountSettingsService],
  exports: [AuditsService, AuditsRepository],
})
export class AuditsModule {}
