import { Global, Module } from '@nestjs/common';
import { AiUsageRepository } from './ai-usage.repository.js';
import { AiService } from './ai.service.js';

/** The AI core: any module may inject AiService. */
@Global()
@Module({ providers: [AiService, AiUsageRepository], exports: [AiService] })
export class AiModule {}
