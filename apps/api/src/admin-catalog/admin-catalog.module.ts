import { Module } from '@nestjs/common';
import { BillingModule } from '../billing/billing.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ReferralsModule } from '../referrals/referrals.module.js';
import { AdminCatalogController } from './admin-catalog.controller.js';
import { AdminCatalogRepository } from './admin-catalog.repository.js';
import { AdminCatalogService } from './admin-catalog.service.js';

@Module({
  imports: [BillingModule, PlansModule, ReferralsModule],
  controllers: [AdminCatalogController],
  providers: [AdminCatalogService, AdminCatalogRepository],
})
export class AdminCatalogModule {}
