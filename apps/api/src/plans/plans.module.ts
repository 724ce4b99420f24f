import { Module } from '@nestjs/common';
import { PlansAdminController, PlansController } from './plans.controller.js';
import { PlansRepository } from './plans.repository.js';
import { PlansService } from './plans.service.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';

/** Plans and products in control, the public catalogue, super-admin edits and hand assignment. */
@Module({
  controllers: [PlansController, PlansAdminController],
  providers: [PlansService, PlansRepository, SubscriptionsRepository],
  exports: [PlansService, PlansRepository, SubscriptionsRepository],
})
export class PlansModule {}
