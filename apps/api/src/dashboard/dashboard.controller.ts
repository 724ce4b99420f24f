import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { dashboardSchema } from '@instagrowth/contracts';
import { CurrentPrincipal, Policy } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { DashboardService } from './dashboard.service.js';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Policy('read', 'InstagramAccount')
  @ApiRoute({ summary: 'Per account you can see: followers and 28-day change, reach, median engagement vs its tier band, latest audit score and change, sparkline', responses: { 200: dashboardSchema } })
  overview(@CurrentPrincipal() actor: MemberPrincipal) {
    return this.dashboard.overview(actor);
  }
}
