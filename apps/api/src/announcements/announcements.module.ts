import { Module } from '@nestjs/common';
import { LimitsModule } from '../limits/limits.module.js';
import { AnnouncementsController } from './announcements.controller.js';
import { AnnouncementsRepository } from './announcements.repository.js';
import { AnnouncementsService } from './announcements.service.js';

/** Platform announcements: written in the console, shown as a dismissible banner in workspaces. */
@Module({
  imports: [LimitsModule],
  controllers: [AnnouncementsController],
  providers: [AnnouncementsService, AnnouncementsRepository],
})
export class AnnouncementsModule {}
