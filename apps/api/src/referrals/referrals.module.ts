import { Module } from '@nestjs/common';
import { ReferralPayoutsController, ReferralsController } from './referrals.controller.js';
import { ReferralsRepository } from './referrals.repository.js';
import { ReferralsService } from './referrals.service.js';

/** Referral links, attribution at sign-up, commissions and payouts. */
@Module({
  controllers: [ReferralsController, ReferralPayoutsController],
  providers: [ReferralsService, ReferralsRepository],
  exports: [ReferralsService],
})
export class ReferralsModule {}
