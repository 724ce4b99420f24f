import { Module } from '@nestjs/common';
import { LimitsModule } from '../limits/limits.module.js';
import { DomainsController, TlsAskController } from './domains.controller.js';
import { DomainsRepository } from './domains.repository.js';
import { DomainsSchedule } from './domains.schedule.js';
import { DomainsService } from './domains.service.js';

@Module({
  imports: [LimitsModule],
  controllers: [DomainsController, TlsAskController],
  providers: [DomainsService, DomainsRepository, DomainsSchedule],
  exports: [DomainsService],
})
export class DomainsModule {}
