import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { adminDashboardQuerySchema, adminDashboardSchema, rollupRefreshSchema } from '@instagrowth/contracts';
import type { z } from 'zod';
import { AdminOnly, Realm } from '../core/auth/decorators.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodQuery } from '../core/http/zod.js';
import { AdminDashboardService } from './admin-dashboard.service.js';
import { RollupsService } from './rollups.service.js';

@ApiTags('admin-panel')
@Controller('admin-panel/dashboard')
@Realm('admin')
export class AdminDashboardController {
  constructor(
    private readonly dashboard: AdminDashboardService,
    private readonly rollups: RollupsService,
  ) {}

  @Get()
  @AdminOnly()
  @ApiRoute({ summary: 'Platform figures for a date range (MRR, churn, trials, AI usage, queues, growth series)', responses: { 200: adminDashboardSchema } })
  get(@ZodQuery(adminDashboardQuerySchema) query: z.infer<typeof adminDashboardQuerySchema>) {
    return this.dashboard.dashboard(query);
  }

  @Post('refresh')
  @HttpCode(202)
  @AdminOnly()
  @ApiRoute({ summary: 'Queue a recount of the rollups (users, accounts, sync failures, subscription snapshot)', responses: { 202: rollupRefreshSchema } })
  async refresh() {
    await this.rollups.requestRefresh();
    return { queued: true };
  }
}
