import { Module } from '@nestjs/common';
import { BrandingModule } from '../branding/branding.module.js';
import { ContentModule } from '../content/content.module.js';
import { PlannerExportService } from './planner-export.service.js';
import { PlannerShareService } from './planner-share.service.js';
import { PlannerController } from './planner.controller.js';
import { PlannerRepository } from './planner.repository.js';
import { PlannerService } from './planner.service.js';

/** 7/14/30-day growth plans built from the growth engine, with tasks, goals and a PDF. */
@Module({
  imports: [ContentModule, BrandingModule],
  controllers: [PlannerController],
  providers: [PlannerService, PlannerRepository, PlannerExportService, PlannerShareService],
  exports: [PlannerService, PlannerShareService],
})
export class PlannerModule {}
