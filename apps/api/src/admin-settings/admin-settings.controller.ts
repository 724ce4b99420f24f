import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { connectionTestResultSchema, testConnectionSchema } from '@instagrowth/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AdminOnly, CurrentPrincipal, Realm } from '../core/auth/decorators.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody } from '../core/http/zod.js';
import { ConnectionTestService } from './connection-test.service.js';

@ApiTags('admin-panel')
@Controller('admin-panel/settings')
@Realm('admin')
export class AdminSettingsController {
  constructor(private readonly tests: ConnectionTestService) {}

  @Post('test-connection')
  @HttpCode(200)
  @AdminOnly()
  @ApiRoute({ summary: "Try the saved settings of one provider with one harmless call; `message` carries the provider's own words on failure", responses: { 200: connectionTestResultSchema } })
  test(@CurrentPrincipal() admin: AdminPrincipal, @ZodBody(testConnectionSchema) body: z.infer<typeof testConnectionSchema>, @Req() req: FastifyRequest) {
    return this.tests.test(admin, body.service, req.ip);
  }
}
