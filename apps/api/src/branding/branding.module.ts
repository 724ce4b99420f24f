import { Module } from '@nestjs/common';
import { BrandingController } from './branding.controller.js';
import { BrandingRepository } from './branding.repository.js';
import { BrandingService } from './branding.service.js';
import { WhiteLabelLimits } from './white-label-limits.js';

@Module({
  controllers: [BrandingController],
  providers: [BrandingService, BrandingRepository, WhiteLabelLimits],
  exports: [BrandingService, WhiteLabelLimits],
})
export class BrandingModule {}
