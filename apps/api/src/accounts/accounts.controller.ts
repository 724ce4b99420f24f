import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  accountDetailSchema,
  accountListSchema,
  accountSummarySchema,
  assignmentListSchema,
  importReportSchema,
  mediaListSchema,
  uuidParamSchema,
} from '@instagrowth/contracts';
import type { z } from 'zod';
import { CurrentPrincipal, Policy } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam, ZodQuery } from '../core/http/zod.js';
import { assignmentsSchema, csvImportSchema, manualAccountSchema, manualMetricsSchema, mediaListQuerySchema } from './accounts.dto.js';
import { AccountsService } from './accounts.service.js';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Policy('read', 'InstagramAccount')
  @ApiRoute({ summary: 'List the Instagram accounts you can see, with the plan’s account limit', responses: { 200: accountListSchema } })
  list(@CurrentPrincipal() actor: MemberPrincipal) {
    return this.accounts.list(actor);
  }

  @Post('manual')
  @Policy('connect', 'InstagramAccount')
  @ApiRoute({ summary: 'Add a manual account (no Instagram connection) with its numbers', responses: { 201: accountSummarySchema }, errors: { 402: ['account_limit_reached'] } })
  createManual(@CurrentPrincipal() actor: MemberPrincipal, @ZodBody(manualAccountSchema) body: z.infer<typeof manualAccountSchema>) {
    return this.accounts.createManual(actor, body);
  }

  @Get(':id')
  @Policy('read', 'InstagramAccount')
  @ApiRoute({ summary: 'One account with its profile and daily history (followers, reach)', responses: { 200: accountDetailSchema }, errors: { 404: ['not_found'] } })
  detail(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.accounts.detail(actor, id);
  }

  @Get(':id/media')
  @Policy('read', 'InstagramAccount')
  @ApiRoute({ summary: 'The account’s latest posts with their latest insights', responses: { 200: mediaListSchema }, errors: { 404: ['not_found'] } })
  media(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodQuery(mediaListQuerySchema) query: z.infer<typeof mediaListQuerySchema>) {
    return this.accounts.media(actor, id, query.limit, query.offset);
  }

  @Put(':id/metrics')
  @Policy('update', 'InstagramAccount')
  @ApiRoute({ summary: 'Record a manual account’s numbers for a day (today by default)', responses: { 200: accountSummarySchema }, errors: { 400: ['not_manual'], 402: ['account_read_only'], 403: ['forbidden'], 404: ['not_found'] } })
  updateMetrics(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(manualMetricsSchema) body: z.infer<typeof manualMetricsSchema>) {
    return this.accounts.updateManualMetrics(actor, id, body);
  }

  @Post(':id/posts/import')
  @HttpCode(200)
  @Policy('update', 'InstagramAccount')
  @ApiRoute({ summary: 'Import posts into a manual account from CSV; answers what was imported and each rejected row', responses: { 200: importReportSchema }, errors: { 400: ['not_manual'], 402: ['account_read_only'], 403: ['forbidden'], 404: ['not_found'] } })
  importCsv(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(csvImportSchema, { rawTextFields: ['csv'] }) body: z.infer<typeof csvImportSchema>) {
    return this.accounts.importCsv(actor, id, body.csv);
  }

  @Delete(':id')
  @HttpCode(204)
  @Policy('delete', 'InstagramAccount')
  @ApiRoute({ summary: 'Disconnect an account: its token is destroyed, its history kept', responses: { 204: null }, errors: { 403: ['forbidden'], 404: ['not_found'] } })
  async disconnect(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string): Promise<void> {
    await this.accounts.disconnect(actor, id);
  }

  @Get(':id/assignments')
  @Policy('read', 'InstagramAccount')
  @ApiRoute({ summary: 'The managers and clients assigned to an account', responses: { 200: assignmentListSchema }, errors: { 404: ['not_found'] } })
  assignments(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.accounts.assignments(actor, id);
  }

  @Put(':id/assignments')
  @Policy('assign', 'InstagramAccount')
  @ApiRoute({ summary: 'Replace the managers and clients assigned to an account', responses: { 200: assignmentListSchema }, errors: { 400: ['invalid_assignees'], 403: ['forbidden'], 404: ['not_found'] } })
  setAssignments(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(assignmentsSchema) body: z.infer<typeof assignmentsSchema>) {
    return this.accounts.setAssignments(actor, id, body.userIds);
  }
}
