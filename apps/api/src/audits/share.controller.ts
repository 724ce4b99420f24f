import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, Realm } from '../core/auth/decorators.js';
import { DomainError } from '../core/errors/domain-error.js';
import { ApiRoute } from '../core/http/api-route.js';
import { REPORT_CSP } from '../core/pdf/index.js';
import { PlannerShareService } from '../planner/planner-share.service.js';
import { AuditsService } from './audits.service.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** `/r/<token>` on the workspace host (outside the /api prefix): the shared report for someone not logged in. */
@ApiTags('audits')
@Controller('r')
@Realm('workspace')
export class ShareController {
  constructor(
    private readonly audits: AuditsService,
    private readonly plans: PlannerShareService,
  ) {}

  /** Audit links first; a token that is no audit link may be a growth plan's. */
  private async open(token: string, as: 'html' | 'pdf') {
    try {
      return await this.audits.openShared(token, as);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status !== 404) throw error;
      const plan = await this.plans.openShared(token, as);
      if (!plan) throw error;
      return plan;
    }
  }

  @Get(':token')
  @Public()
  @ApiRoute({ summary: 'A shared audit report or growth plan as a branded HTML page (no login)', responses: { 200: { description: 'The report', contentType: 'text/html' }, 404: { description: 'Unknown link (HTML page)', contentType: 'text/html' }, 410: { description: 'Expired or revoked (HTML page)', contentType: 'text/html' } } })
  async page(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(reply, token, 'html');
  }

  @Get(':token/pdf')
  @Public()
  @ApiRoute({ summary: 'A shared audit report or growth plan as PDF (no login)', responses: { 200: { description: 'The PDF', contentType: 'application/pdf' }, 404: { description: 'Unknown link (HTML page)', contentType: 'text/html' }, 410: { description: 'Expired or revoked (HTML page)', contentType: 'text/html' } } })
  async pdf(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(reply, token, 'pdf');
  }

  private async answer(reply: FastifyReply, token: string, as: 'html' | 'pdf'): Promise<void> {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex');
    try {
      const shared = await this.open(token, as);
      if (shared.pdf) {
        await reply.status(200).header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${shared.filename.replace(/[^\w.@-]/g, '_')}"`).send(shared.pdf);
      } else {
        await reply.status(200).header('content-type', 'text/html; charset=utf-8').header('content-security-policy', REPORT_CSP).send(shared.html);
      }
    } catch (error) {
      if (!(error instanceof DomainError) || (error.status !== 404 && error.status !== 410 && error.status !== 409)) throw error;
      const title = error.status === 410 ? 'This link is no longer available' : error.status === 409 ? 'Report not ready' : 'Report not found';
      await reply
        .status(error.status)
        .header('content-type', 'text/html; charset=utf-8')
        .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f6f7fb;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border-radius:12px;padding:32px;max-width:480px;box-shadow:0 1px 3px rgba(0,0,0,.1)}h1{font-size:20px}</style></head>
<body><main><h1>${esc(title)}</h1><p>${esc(error.message)}</p></main></body></html>`);
    }
  }
}
