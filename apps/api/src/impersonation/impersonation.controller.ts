import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { impersonateSchema, impersonationExchangeSchema, impersonationStartSchema, impersonationStatusSchema, int4Id, sessionViewSchema } from '@instagrowth/contracts';
import { AdminOnly, Authenticated, CurrentPrincipal, Public, Realm } from '../core/auth/decorators.js';
import type { AdminPrincipal, MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam } from '../core/http/zod.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { ImpersonationService } from './impersonation.service.js';

/** Console impersonation: started on the admin host, used and ended on the workspace host. */
@ApiTags('impersonation')
@Controller()
export class ImpersonationController {
  constructor(
    private readonly impersonation: ImpersonationService,
    private readonly ctx: TenantContext,
  ) {}

  @Post('admin-panel/tenants/:id/impersonate')
  @HttpCode(200)
  @Realm('admin')
  @AdminOnly()
  @ApiRoute({
    summary: 'Impersonate the workspace’s owner for at most 30 minutes, with a reason (audited at start and end): answers a single-use sign-in link',
    responses: { 200: impersonationStartSchema },
    errors: { 404: ['not_found'], 409: ['workspace_suspended', 'no_owner'] },
  })
  start(@CurrentPrincipal() admin: AdminPrincipal, @ZodParam('id', int4Id()) id: number, @ZodBody(impersonateSchema) body: z.output<typeof impersonateSchema>, @Req() req: FastifyRequest) {
    return this.impersonation.start(admin, id, body.reason, req.ip);
  }

  @Post('impersonation/exchange')
  @HttpCode(200)
  @Public()
  @ApiRoute({ summary: 'Exchange the single-use impersonation token for an access token (no refresh cookie)', responses: { 200: sessionViewSchema }, errors: { 401: ['invalid_impersonation_token'] } })
  exchange(@ZodBody(impersonationExchangeSchema) body: z.output<typeof impersonationExchangeSchema>) {
    return this.impersonation.exchange(body.token, this.ctx.tenant.id);
  }

  @Get('impersonation')
  @Authenticated()
  @ApiRoute({ summary: 'Whether this session is an impersonation, by whom and until when (the banner)', responses: { 200: impersonationStatusSchema } })
  status(@CurrentPrincipal() principal: MemberPrincipal) {
    return this.impersonation.status(principal, this.ctx.tenant.name);
  }

  @Post('impersonation/end')
  @HttpCode(204)
  @Authenticated()
  @ApiRoute({ summary: 'End the impersonation now (audited)', responses: { 204: null }, errors: { 409: ['not_impersonating'] } })
  async end(@CurrentPrincipal() principal: MemberPrincipal, @Req() req: FastifyRequest) {
    await this.impersonation.end(principal, req.ip);
  }
}
