import { Controller, Get, HttpCode, Inject, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { Public, Realm } from '../core/auth/decorators.js';
import type { AppRequest } from '../core/auth/access.guard.js';
import { unknownWorkspace } from '../core/auth/access.guard.js';
import { appContextSchema, healthSchema } from '@instagrowth/contracts';
import { ApiRoute } from '../core/http/api-route.js';
import { HealthService } from './health.service.js';

@ApiTags('platform')
@Controller()
@Realm('any')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Answers on every host, including a bare IP: load balancers call it. */
  @Get('health')
  @Public()
  @ApiRoute({ summary: 'Liveness of the database and the queue (any host)', responses: { 200: healthSchema, 503: healthSchema } })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const status = await this.health.check();
    reply.status(status.status === 'ok' ? 200 : 503);
    return status;
  }

  /** What the SPA needs to know about the host it was loaded from. */
  @Get('context')
  @HttpCode(200)
  @Public()
  @ApiRoute({ summary: 'What the web app needs to know about the host it was loaded from', responses: { 200: appContextSchema }, errors: { 404: ['unknown_workspace'] } })
  context(@Req() req: AppRequest) {
    const host = req.resolvedHost!;
    const base = { baseDomain: this.config.baseDomain, appUrl: this.config.appUrl.toString().replace(/\/$/, '') };
    if (host.realm === 'unknown') throw unknownWorkspace();
    if (host.realm !== 'workspace') return { realm: host.realm, ...base };
    const t = host.tenant;
    return { realm: 'workspace' as const, ...base, workspace: { id: t.id, slug: t.slug, name: t.name, status: t.status, branding: t.branding } };
  }
}
