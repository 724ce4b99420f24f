import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module.js';
import { PlannerModule } from '../planner/planner.module.js';
import { ApprovalsController } from './approvals.controller.js';
import { ApprovalsRepository } from './approvals.repository.js';
import { ApprovalsSchedule } from './approvals.schedule.js';
import { ApprovalsService } from './approvals.service.js';

/** Client approval of content items and growth plans, with comments and history. */
@Module({
  imports: [ContentModule, PlannerModule],
  controllers: [ApprovalsController],
  providers: [ApprovalsService, ApprovalsRepository, ApprovalsSchedule],
})
export class ApprovalsModule {}
