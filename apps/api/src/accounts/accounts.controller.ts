import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { uuidParamSchema } from '@instagrowth/contracts';
import type { z } from 'zod';
import { CurrentPrincipal, Policy } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiZodBody, ZodBody, ZodParam, ZodQuery } from '../core/http/zod.js';
import { assignmentsSchema, csvImportSchema, manualAccountSchema, manualMetricsSchema, mediaListQuerySchema } from './accounts.dto.js';
import { AccountsService } from './accounts.service.js';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Policy('read', 'InstagramAccount')
  list(@CurrentPrincipal() actor: MemberPrincipal) {
    return this.accounts.list(actor);
  }

  @Post('manual')
  @Policy('connect', 'InstagramAccount')
  @ApiZodBody(manualAccountSchema)
  createManual(@CurrentPrincipal() actor: MemberPrincipal, @ZodBody(manualAccountSchema) body: z.infer<typeof manualAccountSchema>) {
    return this.accounts.createManual(actor, body);
  }

  @Get(':id')
  @Policy('read', 'InstagramAccount')
  detail(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.accounts.detail(actor, id);
  }

  @Get(':id/media')
  @Policy('read', 'InstagramAccount')
  media(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodQuery(mediaListQuerySchema) query: z.infer<typeof mediaListQuerySchema>) {
    return this.accounts.media(actor, id, query.limit, query.offset);
  }

  @Put(':id/metrics')
  @Policy('update', 'InstagramAccount')
  @ApiZodBody(manualMetricsSchema)
  updateMetrics(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(manualMetricsSchema) body: z.infer<typeof manualMetricsSchema>) {
    return this.accounts.updateManualMetrics(actor, id, body);
  }

  @Post(':id/posts/import')
  @HttpCode(200)
  @Policy('update', 'InstagramAccount')
  @ApiZodBody(csvImportSchema)
  importCsv(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(csvImportSchema, { rawTextFields: ['csv'] }) body: z.infer<typeof csvImportSchema>) {
    return this.accounts.importCsv(actor, id, body.csv);
  }

  @Post(':id/refresh')
  @HttpCode(202)
  @Policy('sync', 'InstagramAccount')
  refresh(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.accounts.refresh(actor, id);
  }

  @Get(':id/sync')
  @Policy('read', 'InstagramAccount')
  syncStatus(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.accounts.syncStatus(actor, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Policy('delete', 'InstagramAccount')
  async disconnect(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string): Promise<void> {
    await this.accounts.disconnect(actor, id);
  }

  @Get(':id/assignments')
  @Policy('read', 'InstagramAccount')
  assignments(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.accounts.assignments(actor, id);
  }

  @Put(':id/assignments')
  @Policy('assign', 'InstagramAccount')
  @ApiZodBody(assignmentsSchema)
  setAssignments(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(assignmentsSchema) body: z.infer<typeof assignmentsSchema>) {
    return this.accounts.setAssignments(actor, id, body.userIds);
  }
}
