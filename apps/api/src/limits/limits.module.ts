import { Module } from '@nestjs/common';
import { PlanCreditAllowance } from './plan-credit-allowance.js';
import { LimitsRepository } from './limits.repository.js';
import { LimitsService } from './limits.service.js';

/** What the current workspace's plan allows: import it wherever something limited is added. */
@Module({
  providers: [LimitsService, LimitsRepository, PlanCreditAllowance],
  exports: [LimitsService, PlanCreditAllowance],
})
export class LimitsModule {}
