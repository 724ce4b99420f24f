import { Module } from '@nestjs/common';
import { CreditsModule } from '../credits/credits.module.js';
import { AccountDataRepository } from './account-data.repository.js';
import { AiWriter } from './ai-writer.js';
import { ContentAccess } from './content-access.js';
import { ContentController } from './content.controller.js';
import { ContentRepository } from './content.repository.js';
import { ContentService } from './content.service.js';
import { GenerationService } from './generation.service.js';
import { OfflineWriter } from './offline-writer.js';

/** Brand voice, generations (AI or offline) and the content library. The planner reuses the data adapter. */
@Module({
  imports: [CreditsModule],
  controllers: [ContentController],
  providers: [ContentRepository, ContentAccess, ContentService, GenerationService, AccountDataRepository, AiWriter, OfflineWriter],
  exports: [ContentService, ContentAccess, AccountDataRepository, ContentRepository, GenerationService],
})
export class ContentModule {}
