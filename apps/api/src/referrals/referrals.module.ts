import { Module } from '@nestjs/common';
import { ControlDb } from '../core/database/control-db.js';
import { ReferralPayoutsController, ReferralsController } from './referrals.controller.js';
import { ReferralsRepository } from './referrals.repository.js';
import { ReferralsService } from './referrals.service.js';

/** Referral links, attribution at sign-up, commissions and payouts. */
@Module({
  controllers: [ReferralsController, ReferralPayoutsController],
  providers: [ReferralsService, ReferralsRepository, ControlDb],
  exports: [ReferralsService],
})
export class ReferralsModule {}
