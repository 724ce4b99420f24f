import { Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { uuidParamSchema } from '@instagrowth/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AdminOnly, CurrentPrincipal, Public, Realm } from '../core/auth/decorators.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { ApiZodBody, ZodBody, ZodParam } from '../core/http/zod.js';
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
  @ApiZodBody(adminLoginSchema)
  login(@ZodBody(adminLoginSchema) body: z.infer<typeof adminLoginSchema>, @Req() req: FastifyRequest) {
    return this.admin.login(body, req.ip);
  }

  @Get('auth/me')
  @AdminOnly()
  me(@CurrentPrincipal() admin: AdminPrincipal) {
    return this.admin.me(admin);
  }

  @Get('settings')
  @AdminOnly()
  settings() {
    return this.admin.listSettings();
  }

  @Put('settings')
  @AdminOnly()
  @ApiZodBody(updateSettingsSchema)
  updateSettings(@CurrentPrincipal() admin: AdminPrincipal, @ZodBody(updateSettingsSchema) body: z.infer<typeof updateSettingsSchema>, @Req() req: FastifyRequest) {
    return this.admin.updateSettings(admin, body.values, req.ip);
  }

  @Get('outbox')
  @AdminOnly()
  outbox() {
    return this.admin.listOutbox();
  }

  @Get('outbox/:id')
  @AdminOnly()
  outboxMessage(@ZodParam('id', uuidParamSchema) id: string) {
    return this.admin.getOutboxMessage(id);
  }

  @Get('tenants')
  @AdminOnly()
  tenants() {
    return this.admin.listTenants();
  }

  @Put('tenants/:id/status')
  @AdminOnly()
  @ApiZodBody(tenantStatusSchema)
  setTenantStatus(
    @CurrentPrincipal() admin: AdminPrincipal,
    @ZodParam('id', int4Id()) id: number,
    @ZodBody(tenantStatusSchema) body: z.infer<typeof tenantStatusSchema>,
    @Req() req: FastifyRequest,
  ) {
    return this.admin.setTenantStatus(admin, id, body.status, body.reason, req.ip);
  }
}
