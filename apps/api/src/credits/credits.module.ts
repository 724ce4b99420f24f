import { Module } from '@nestjs/common';
import { CREDIT_ALLOWANCE_SOURCE, DefaultCreditAllowance } from './credit-allowance.js';
import { CreditsController } from './credits.controller.js';
import { CreditsRepository } from './credits.repository.js';
import { CreditsService } from './credits.service.js';

/** The AI credits ledger. Billing swaps CREDIT_ALLOWANCE_SOURCE for per-plan allowances. */
@Module({
  controllers: [CreditsController],
  providers: [CreditsService, CreditsRepository, { provide: CREDIT_ALLOWANCE_SOURCE, useClass: DefaultCreditAllowance }],
  exports: [CreditsService],
})
export class CreditsModule {}
