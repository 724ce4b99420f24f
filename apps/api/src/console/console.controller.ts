import { Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  accountPageSchema,
  adminInvitationPreviewSchema,
  adminInvitationViewSchema,
  adminListSchema,
  adminSessionSchema,
  auditPageSchema,
  consoleTenantSchema,
  creditGrantResultSchema,
  int4Id,
  opaqueTokenSchema,
  tenantDetailSchema,
  tenantPageSchema,
  userPageSchema,
} from '@instagrowth/contracts';
import { AdminOnly, CurrentPrincipal, Public, Realm } from '../core/auth/decorators.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam, ZodQuery } from '../core/http/zod.js';
import {
  acceptAdminInvitationSchema,
  auditLogQuerySchema,
  extendTrialSchema,
  grantCreditsSchema,
  inviteAdminSchema,
  pagedSearchQuerySchema,
  scheduleDeletionSchema,
  tenantSearchQuerySchema,
} from './console.dto.js';
import { AdminTeamService } from './admin-team.service.js';
import { ConsoleService } from './console.service.js';

type Q<T extends z.ZodType> = z.output<T>;

/** The super-admin console's tenant operations, cross-tenant views, audit log and admin team. */
@ApiTags('admin-panel')
@Controller('admin-panel')
@Realm('admin')
export class ConsoleController {
  constructor(
    private readonly console: ConsoleService,
    private readonly team: AdminTeamService,
  ) {}

  @Get('tenants')
  @AdminOnly()
  @ApiRoute({ summary: 'Search workspaces (slug, name, domain, member e-mail), filter by plan, status and creation date; paginated', responses: { 200: tenantPageSchema } })
  tenants(@ZodQuery(tenantSearchQuerySchema) q: Q<typeof tenantSearchQuerySchema>) {
    return this.console.listTenants(q);
  }

  @Get('tenants/:id')
  @AdminOnly()
  @ApiRoute({ summary: 'One workspace: plan, usage against limits, users, accounts, invoices, domains, audit log', responses: { 200: tenantDetailSchema }, errors: { 404: ['not_found'] } })
  tenant(@ZodParam('id', int4Id()) id: number) {
    return this.console.detail(id);
  }

  @Post('tenants/:id/extend-trial')
  @HttpCode(200)
  @AdminOnly()
  @ApiRoute({ summary: 'Extend the trial by N days from the later of now and its current end (audited)', responses: { 200: consoleTenantSchema }, errors: { 404: ['not_found'] } })
  extendTrial(@CurrentPrincipal() admin: AdminPrincipal, @ZodParam('id', int4Id()) id: number, @ZodBody(extendTrialSchema) body: Q<typeof extendTrialSchema>, @Req() req: FastifyRequest) {
    return this.console.extendTrial(admin, id, body.days, req.ip);
  }

  @Post('tenants/:id/credits')
  @HttpCode(200)
  @AdminOnly()
  @ApiRoute({ summary: 'Grant (or take back) AI credits: a ledger adjustment with a reason (audited)', responses: { 200: creditGrantResultSchema }, errors: { 404: ['not_found'] } })
  grantCredits(@CurrentPrincipal() admin: AdminPrincipal, @ZodParam('id', int4Id()) id: number, @ZodBody(grantCreditsSchema) body: Q<typeof grantCreditsSchema>, @Req() req: FastifyRequest) {
    return this.console.grantCredits(admin, id, body.amount, body.reason, req.ip);
  }

  @Post('tenants/:id/deletion')
  @HttpCode(200)
  @AdminOnly()
  @ApiRoute({ summary: 'Schedule the workspace’s deletion after a grace period (audited; undo with DELETE)', responses: { 200: consoleTenantSchema }, errors: { 404: ['not_found'], 409: ['deletion_already_scheduled'] } })
  scheduleDeletion(@CurrentPrincipal() admin: AdminPrincipal, @ZodParam('id', int4Id()) id: number, @ZodBody(scheduleDeletionSchema) body: Q<typeof scheduleDeletionSchema>, @Req() req: FastifyRequest) {
    return this.console.scheduleDeletion(admin, id, body.graceDays, body.reason, req.ip);
  }

  @Delete('tenants/:id/deletion')
  @AdminOnly()
  @ApiRoute({ summary: 'Undo a scheduled deletion during its grace period (audited)', responses: { 200: consoleTenantSchema }, errors: { 404: ['not_found'], 409: ['no_deletion_scheduled'] } })
  cancelDeletion(@CurrentPrincipal() admin: AdminPrincipal, @ZodParam('id', int4Id()) id: number, @Req() req: FastifyRequest) {
    return this.console.cancelDeletion(admin, id, req.ip);
  }

  @Get('users')
  @AdminOnly()
  @ApiRoute({ summary: 'Users of every workspace (read-only; search by e-mail or name; paginated)', responses: { 200: userPageSchema } })
  users(@ZodQuery(pagedSearchQuerySchema) q: Q<typeof pagedSearchQuerySchema>) {
    return this.console.users(q.q, q.tenantId, q.page, q.pageSize);
  }

  @Get('accounts')
  @AdminOnly()
  @ApiRoute({ summary: 'Instagram accounts of every workspace (read-only; search by username; paginated)', responses: { 200: accountPageSchema } })
  accounts(@ZodQuery(pagedSearchQuerySchema) q: Q<typeof pagedSearchQuerySchema>) {
    return this.console.accounts(q.q, q.tenantId, q.page, q.pageSize);
  }

  @Get('audit-log')
  @AdminOnly()
  @ApiRoute({ summary: 'The platform audit log, newest first (filters: admin, tenant, action or `prefix.`, date range)', responses: { 200: auditPageSchema } })
  auditLog(@ZodQuery(auditLogQuerySchema) q: Q<typeof auditLogQuerySchema>) {
    return this.console.auditLog(q);
  }

  @Get('admins')
  @AdminOnly()
  @ApiRoute({ summary: 'Super-admins and pending admin invitations', responses: { 200: adminListSchema } })
  admins() {
    return this.team.list();
  }

  @Post('admins/invitations')
  @AdminOnly()
  @ApiRoute({ summary: 'Invite another super-admin by e-mail (audited)', responses: { 201: adminInvitationViewSchema }, errors: { 409: ['admin_exists'] } })
  invite(@CurrentPrincipal() admin: AdminPrincipal, @ZodBody(inviteAdminSchema) body: Q<typeof inviteAdminSchema>, @Req() req: FastifyRequest) {
    return this.team.invite(admin, body.email, req.ip);
  }

  @Get('invitations/:token')
  @Public()
  @ApiRoute({ summary: 'An admin invitation: the e-mail and the TOTP key to enrol', responses: { 200: adminInvitationPreviewSchema }, errors: { 404: ['not_found'] } })
  invitation(@ZodParam('token', opaqueTokenSchema) token: string) {
    return this.team.preview(token);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @Public()
  @ApiRoute({ summary: 'Accept an admin invitation with a password and a current TOTP code; signs in', responses: { 200: adminSessionSchema }, errors: { 400: ['invalid_totp'], 404: ['not_found'], 409: ['admin_exists'] } })
  accept(@ZodBody(acceptAdminInvitationSchema) body: Q<typeof acceptAdminInvitationSchema>, @Req() req: FastifyRequest) {
    return this.team.accept(body, req.ip);
  }
}
