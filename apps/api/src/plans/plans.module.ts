import { Module } from '@nestjs/common';
import { ControlDb } from '../core/database/control-db.js';
import { PlansAdminController, PlansController } from './plans.controller.js';
import { PlansRepository } from './plans.repository.js';
import { PlansService } from './plans.service.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';

/** Plans and products in control, the public catalogue, super-admin edits and hand assignment. */
@Module({
  controllers: [PlansController, PlansAdminController],
  providers: [PlansService, PlansRepository, SubscriptionsRepository, ControlDb],
  exports: [PlansService, PlansRepository, SubscriptionsRepository, ControlDb],
})
export class PlansModule {}
