import { Module } from '@nestjs/common';
import { AdminDashboardController } from './admin-dashboard.controller.js';
import { AdminDashboardRepository } from './admin-dashboard.repository.js';
import { AdminDashboardService } from './admin-dashboard.service.js';
import { RollupsService } from './rollups.service.js';

@Module({
  controllers: [AdminDashboardController],
  providers: [AdminDashboardService, AdminDashboardRepository, RollupsService],
  exports: [RollupsService],
})
export class AdminDashboardModule {}
