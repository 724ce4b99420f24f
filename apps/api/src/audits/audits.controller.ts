import { Controller, Delete, Get, HttpCode, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  accountTimeZoneSchema,
  auditHistorySchema,
  auditStartedSchema,
  auditViewSchema,
  createShareLinkSchema,
  roadmapTickSchema,
  roadmapTicksSchema,
  shareLinkCreatedSchema,
  shareLinkListSchema,
  uuidParamSchema,
} from '@instagrowth/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal, Policy } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam } from '../core/http/zod.js';
import { AccountSettingsService } from './account-settings.service.js';
import { AuditsService } from './audits.service.js';

@ApiTags('audits')
@Controller()
export class AuditsController {
  constructor(
    private readonly audits: AuditsService,
    private readonly accountSettings: AccountSettingsService,
  ) {}

  @Post('accounts/:id/audits')
  @HttpCode(202)
  @Policy('create', 'Audit')
  @ApiRoute({ summary: 'Start an audit of the account (1 AI credit; 0 when written without AI); poll GET /api/audits/:id', responses: { 202: auditStartedSchema }, errors: { 402: ['credits_exhausted'], 403: ['forbidden'], 404: ['not_found'] } })
  start(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.audits.start(actor, id);
  }

  @Get('accounts/:id/audits')
  @Policy('read', 'Audit')
  @ApiRoute({ summary: 'The account’s audits, newest first, with each score’s change since the previous audit', responses: { 200: auditHistorySchema }, errors: { 404: ['not_found'] } })
  history(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.audits.history(actor, id);
  }

  @Put('accounts/:id/time-zone')
  @Policy('update', 'InstagramAccount')
  @ApiRoute({ summary: 'Set the account’s IANA time zone (day boundaries and best times of its audits)', responses: { 200: accountTimeZoneSchema }, errors: { 403: ['forbidden'], 404: ['not_found'] } })
  setTimeZone(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(accountTimeZoneSchema) body: z.infer<typeof accountTimeZoneSchema>) {
    return this.accountSettings.setTimeZone(actor, id, body.timeZone);
  }

  @Get('accounts/:id/time-zone')
  @Policy('read', 'InstagramAccount')
  @ApiRoute({ summary: 'The account’s time zone (its own, else the workspace’s)', responses: { 200: accountTimeZoneSchema }, errors: { 404: ['not_found'] } })
  timeZone(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.accountSettings.timeZone(actor, id);
  }

  @Get('audits/:id')
  @Policy('read', 'Audit')
  @ApiRoute({ summary: 'One audit: status and progress while it runs; scores with formula and inputs, diagnosis, recommendations and roadmap when done', responses: { 200: auditViewSchema }, errors: { 404: ['not_found'] } })
  get(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.audits.get(actor, id);
  }

  @Get('audits/:id/pdf')
  @Policy('read', 'Audit')
  @ApiRoute({ summary: 'The audit as a branded PDF', responses: { 200: { description: 'The PDF', contentType: 'application/pdf' } }, errors: { 404: ['not_found'], 409: ['audit_not_ready'] } })
  async pdf(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { pdf, filename } = await this.audits.pdfFor(actor, id);
    await reply.status(200).header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${filename.replace(/[^\w.@-]/g, '_')}"`).header('cache-control', 'no-store').send(pdf);
  }

  @Post('audits/:id/share-links')
  @Policy('update', 'Audit')
  @ApiRoute({ summary: 'Create a share link to the audit’s report (default 30 days; the URL is shown once)', responses: { 201: shareLinkCreatedSchema }, errors: { 403: ['forbidden'], 404: ['not_found'], 409: ['audit_not_ready'] } })
  createLink(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(createShareLinkSchema) body: z.infer<typeof createShareLinkSchema>) {
    return this.audits.createLink(actor, id, body.expiresInDays);
  }

  @Get('audits/:id/share-links')
  @Policy('update', 'Audit')
  @ApiRoute({ summary: 'The audit’s share links with open counts and last opened', responses: { 200: shareLinkListSchema }, errors: { 403: ['forbidden'], 404: ['not_found'] } })
  listLinks(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.audits.listLinks(actor, id);
  }

  @Delete('share-links/:id')
  @HttpCode(204)
  @Policy('update', 'Audit')
  @ApiRoute({ summary: 'Revoke a share link (its page answers 410 from now on)', responses: { 204: null }, errors: { 403: ['forbidden'], 404: ['not_found'] } })
  revokeLink(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string): Promise<void> {
    return this.audits.revokeLink(actor, id);
  }

  @Get('audits/:id/roadmap-ticks')
  @Policy('read', 'Audit')
  @ApiRoute({ summary: 'Roadmap days of this audit that were ticked off', responses: { 200: roadmapTicksSchema }, errors: { 404: ['not_found'] } })
  roadmapTicks(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.audits.roadmapTicks(actor, id);
  }

  @Put('audits/:id/roadmap-ticks')
  @Policy('update', 'Audit')
  @ApiRoute({ summary: 'Tick a roadmap day off (or un-tick it)', responses: { 200: roadmapTicksSchema }, errors: { 400: ['validation_failed'], 403: ['forbidden'], 404: ['not_found'] } })
  setRoadmapTick(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(roadmapTickSchema) body: z.infer<typeof roadmapTickSchema>) {
    return this.audits.setRoadmapTick(actor, id, body.day, body.done);
  }
}
