import { Module } from '@nestjs/common';
import { AdminPanelModule } from '../admin-panel/admin-panel.module.js';
import { CreditsModule } from '../credits/credits.module.js';
import { LimitsModule } from '../limits/limits.module.js';
import { AdminTeamService } from './admin-team.service.js';
import { ConsoleController } from './console.controller.js';
import { ConsoleRepository } from './console.repository.js';
import { ConsoleSchedule } from './console.schedule.js';
import { ConsoleService } from './console.service.js';

/** Super-admin console: tenant operations, cross-tenant users and accounts, audit log, admin team. */
@Module({
  imports: [AdminPanelModule, LimitsModule, CreditsModule],
  controllers: [ConsoleController],
  providers: [ConsoleService, ConsoleRepository, ConsoleSchedule, AdminTeamService],
  exports: [ConsoleService],
})
export class ConsoleModule {}
