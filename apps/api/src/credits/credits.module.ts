import { Module } from '@nestjs/common';
import { LimitsModule } from '../limits/limits.module.js';
import { PlanCreditAllowance } from '../limits/plan-credit-allowance.js';
import { CREDIT_ALLOWANCE_SOURCE } from './credit-allowance.js';
import { CreditsController } from './credits.controller.js';
import { CreditsRepository } from './credits.repository.js';
import { CreditsService } from './credits.service.js';

/** The AI credits ledger. Billing swaps CREDIT_ALLOWANCE_SOURCE for per-plan allowances. */
@Module({
  imports: [LimitsModule],
  controllers: [CreditsController],
  // The allowance comes from the plan and its Stripe period (the config default for a workspace without a plan).
  providers: [CreditsService, CreditsRepository, { provide: CREDIT_ALLOWANCE_SOURCE, useExisting: PlanCreditAllowance }],
  exports: [CreditsService],
})
export class CreditsModule {}
