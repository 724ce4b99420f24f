import { Module } from '@nestjs/common';
import { LimitsModule } from '../limits/limits.module.js';
import { BrandingController } from './branding.controller.js';
import { BrandingRepository } from './branding.repository.js';
import { BrandingService } from './branding.service.js';

@Module({
  imports: [LimitsModule],
  controllers: [BrandingController],
  providers: [BrandingService, BrandingRepository],
  exports: [BrandingService],
})
export class BrandingModule {}
