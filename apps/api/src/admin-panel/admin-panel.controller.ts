import { Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { adminMeSchema, adminSessionSchema, outboxListSchema, outboxMessageSchema, settingListSchema, tenantViewSchema, uuidParamSchema } from '@instagrowth/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AdminOnly, CurrentPrincipal, Public, Realm } from '../core/auth/decorators.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam } from '../core/http/zod.js';
import { int4Id } from '@instagrowth/contracts';
import { adminLoginSchema, tenantStatusSchema, updateSettingsSchema } from './admin-panel.dto.js';
import { AdminPanelService } from './admin-panel.service.js';

@ApiTags('admin-panel')
@Controller('admin-panel')
@Realm('admin')
export class AdminPanelController {
  constructor(private readonly admin: AdminPanelService) {}

  @Post('auth/login')
  @HttpCode(200)
  @Public()
  @ApiRoute({ summary: 'Super-admin sign-in with password and authenticator code', responses: { 200: adminSessionSchema }, errors: { 401: ['invalid_credentials'], 429: ['too_many_attempts'] } })
  login(@ZodBody(adminLoginSchema) body: z.infer<typeof adminLoginSchema>, @Req() req: FastifyRequest) {
    return this.admin.login(body, req.ip);
  }

  @Get('auth/me')
  @AdminOnly()
  @ApiRoute({ summary: 'The signed-in super-admin', responses: { 200: adminMeSchema } })
  me(@CurrentPrincipal() admin: AdminPrincipal) {
    return this.admin.me(admin);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @AdminOnly()
  @ApiRoute({ summary: 'End this admin session (audited)', responses: { 204: null } })
  async logout(@CurrentPrincipal() admin: AdminPrincipal, @Req() req: FastifyRequest & { user?: { sid?: string } }) {
    await this.admin.logout(admin, req.user?.sid, req.ip);
  }

  @Get('settings')
  @AdminOnly()
  @ApiRoute({ summary: 'List the system settings (secrets masked)', responses: { 200: settingListSchema } })
  settings() {
    return this.admin.listSettings();
  }

  @Put('settings')
  @AdminOnly()
  @ApiRoute({ summary: 'Set or clear system settings (null or empty clears one); answers the full list', responses: { 200: settingListSchema } })
  updateSettings(@CurrentPrincipal() admin: AdminPrincipal, @ZodBody(updateSettingsSchema) body: z.infer<typeof updateSettingsSchema>, @Req() req: FastifyRequest) {
    return this.admin.updateSettings(admin, body.values, req.ip);
  }

  @Get('outbox')
  @AdminOnly()
  @ApiRoute({ summary: 'List the mail outbox, newest first', responses: { 200: outboxListSchema } })
  outbox() {
    return this.admin.listOutbox();
  }

  @Get('outbox/:id')
  @AdminOnly()
  @ApiRoute({ summary: 'One outbox message with its HTML and text', responses: { 200: outboxMessageSchema }, errors: { 404: ['not_found'] } })
  outboxMessage(@ZodParam('id', uuidParamSchema) id: string) {
    return this.admin.getOutboxMessage(id);
  }

  @Put('tenants/:id/status')
  @AdminOnly()
  @ApiRoute({ summary: 'Suspend or reactivate a workspace (audited)', responses: { 200: tenantViewSchema }, errors: { 404: ['not_found'] } })
  setTenantStatus(
    @CurrentPrincipal() admin: AdminPrincipal,
    @ZodParam('id', int4Id()) id: number,
    @ZodBody(tenantStatusSchema) body: z.infer<typeof tenantStatusSchema>,
    @Req() req: FastifyRequest,
  ) {
    return this.admin.setTenantStatus(admin, id, body.status, body.reason, req.ip);
  }
}
