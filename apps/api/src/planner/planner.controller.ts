import { Controller, Delete, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createShareLinkSchema, planShareLinkListSchema, planShareLinkSchema, uuidParamSchema } from '@instagrowth/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal, Policy } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam, ZodQuery } from '../core/http/zod.js';
import { createGrowthPlanSchema, growthPlanListSchema, growthPlanSchema, planListQuerySchema, regenerateDaySchema, updateTaskSchema } from './planner.dto.js';
import { PlannerExportService } from './planner-export.service.js';
import { PlannerShareService } from './planner-share.service.js';
import { PlannerService } from './planner.service.js';

// `/api/growth-plans`, not `/api/plans`: that path is billing's pricing plans.
@ApiTags('growth plans')
@Controller()
export class PlannerController {
  constructor(
    private readonly planner: PlannerService,
    private readonly exporter: PlannerExportService,
    private readonly shares: PlannerShareService,
  ) {}

  @Post('growth-plans/:id/share-links')
  @Policy('update', 'Plan')
  @ApiRoute({ summary: 'A link to the plan as a branded page anyone with it can open (`/r/<token>`, no login)', responses: { 201: planShareLinkSchema }, errors: { 403: ['forbidden'], 404: ['not_found'] } })
  share(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(createShareLinkSchema) body: z.infer<typeof createShareLinkSchema>) {
    return this.shares.createLink(actor, id, body.expiresInDays);
  }

  @Get('growth-plans/:id/share-links')
  @Policy('update', 'Plan')
  @ApiRoute({ summary: 'The plan’s share links (expiry, opens, revoked)', responses: { 200: planShareLinkListSchema }, errors: { 403: ['forbidden'], 404: ['not_found'] } })
  shareLinks(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.shares.listLinks(actor, id);
  }

  @Delete('plan-share-links/:id')
  @HttpCode(204)
  @Policy('update', 'Plan')
  @ApiRoute({ summary: 'Turn a plan share link off (its page answers 410 from then on)', responses: { 204: null }, errors: { 403: ['forbidden'], 404: ['not_found'] } })
  async revokeShareLink(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string): Promise<void> {
    await this.shares.revokeLink(actor, id);
  }

  @Post('accounts/:id/growth-plans')
  @Policy('create', 'Plan')
  @ApiRoute({ summary: 'Build a 7/14/30-day growth plan from the growth engine: tasks, best times, mix, weekly goals', responses: { 201: growthPlanSchema }, errors: { 403: ['forbidden'], 404: ['not_found'] } })
  create(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(createGrowthPlanSchema) body: z.infer<typeof createGrowthPlanSchema>) {
    return this.planner.create(actor, id, body.days, body.startDate);
  }

  @Get('growth-plans')
  @Policy('read', 'Plan')
  @ApiRoute({ summary: 'Growth plans you can see, newest first (optionally of one account)', responses: { 200: growthPlanListSchema } })
  list(@CurrentPrincipal() actor: MemberPrincipal, @ZodQuery(planListQuerySchema) query: z.infer<typeof planListQuerySchema>) {
    return this.planner.list(actor, query.accountId);
  }

  @Get('growth-plans/:id')
  @Policy('read', 'Plan')
  @ApiRoute({ summary: 'One growth plan with its tasks and progress against its goals', responses: { 200: growthPlanSchema }, errors: { 404: ['not_found'] } })
  detail(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.planner.view(actor, id);
  }

  @Patch('growth-plans/:id/tasks/:taskId')
  @Policy('update', 'Plan')
  @ApiRoute({ summary: 'Check off a task or move it to another day', responses: { 200: growthPlanSchema }, errors: { 403: ['forbidden'], 404: ['not_found'] } })
  updateTask(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodParam('taskId', uuidParamSchema) taskId: string, @ZodBody(updateTaskSchema) body: z.infer<typeof updateTaskSchema>) {
    return this.planner.updateTask(actor, id, taskId, body);
  }

  @Post('growth-plans/:id/regenerate-day')
  @HttpCode(200)
  @Policy('update', 'Plan')
  @ApiRoute({ summary: 'Rebuild one day’s open tasks from current data; completed tasks are kept', responses: { 200: growthPlanSchema }, errors: { 403: ['forbidden'], 404: ['not_found'] } })
  regenerateDay(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(regenerateDaySchema) body: z.infer<typeof regenerateDaySchema>) {
    return this.planner.regenerateDay(actor, id, body.day);
  }

  @Get('growth-plans/:id/pdf')
  @Policy('read', 'Plan')
  @ApiRoute({ summary: 'The plan as a branded PDF', responses: { 200: { description: 'application/pdf download', contentType: 'application/pdf' } }, errors: { 404: ['not_found'], 503: ['pdf_unavailable'], 504: ['pdf_timeout'] } })
  async pdf(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { pdf, filename } = await this.exporter.pdf(actor, id);
    await reply.status(200).header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
  }
}
