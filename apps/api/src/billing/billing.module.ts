import { Module } from '@nestjs/common';
import { CreditsModule } from '../credits/credits.module.js';
import { LimitsModule } from '../limits/limits.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ReferralsModule } from '../referrals/referrals.module.js';
import { BillingController } from './billing.controller.js';
import { BillingRepository } from './billing.repository.js';
import { BillingService } from './billing.service.js';
import { StripeCatalog } from './stripe-catalog.js';
import { StripeClientProvider } from './stripe-client.provider.js';
import { StripeEventsService } from './stripe-events.service.js';

/** Stripe Checkout, Portal and webhooks; the workspace's billing overview. */
@Module({
  imports: [CreditsModule, LimitsModule, PlansModule, ReferralsModule],
  controllers: [BillingController],
  providers: [BillingService, BillingRepository, StripeCatalog, StripeClientProvider, StripeEventsService],
  exports: [BillingService, StripeEventsService, StripeCatalog, StripeClientProvider],
})
export class BillingModule {}
