import { Controller, Get, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { assignedPlanSchema, assignPlanSchema, planKeySchema, planSchema, plansResponseSchema, planUpdateSchema } from '@instagrowth/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AdminOnly, CurrentPrincipal, Public, Realm } from '../core/auth/decorators.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam } from '../core/http/zod.js';
import { PlansService } from './plans.service.js';

@ApiTags('plans')
@Controller('plans')
// Public on every host: the landing page and each workspace's billing page show the same catalogue.
@Realm('any')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @Public()
  @ApiRoute({ summary: 'The plans and one-time products on sale (pricing page)', responses: { 200: plansResponseSchema } })
  list() {
    return this.plans.catalogue();
  }
}

@ApiTags('admin-panel')
@Controller('admin-panel')
@Realm('admin')
export class PlansAdminController {
  constructor(private readonly plans: PlansService) {}

  @Put('plans/:key')
  @AdminOnly()
  @ApiRoute({ summary: 'Edit a plan (prices in cents; null seats or client logins = unlimited; audited)', responses: { 200: planSchema }, errors: { 404: ['not_found'] } })
  update(
    @CurrentPrincipal() admin: AdminPrincipal,
    @ZodParam('key', planKeySchema) key: string,
    @ZodBody(planUpdateSchema) body: z.infer<typeof planUpdateSchema>,
    @Req() req: FastifyRequest,
  ) {
    return this.plans.update(admin, key, body, req.ip);
  }

  @Put('tenants/:id/plan')
  @AdminOnly()
  @ApiRoute({ summary: 'Assign a plan to a workspace by hand, without Stripe (audited)', responses: { 200: assignedPlanSchema }, errors: { 404: ['not_found'] } })
  assign(
    @CurrentPrincipal() admin: AdminPrincipal,
    @ZodParam('id', z.coerce.number().int('must be a tenant id').positive('must be a tenant id')) id: number,
    @ZodBody(assignPlanSchema) body: z.infer<typeof assignPlanSchema>,
    @Req() req: FastifyRequest,
  ) {
    return this.plans.assign(admin, id, body, req.ip);
  }
}
