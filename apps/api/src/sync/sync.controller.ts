import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { refreshResponseSchema, syncRunViewSchema, uuidParamSchema } from '@instagrowth/contracts';
import { CurrentPrincipal, Policy } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodParam } from '../core/http/zod.js';
import { SyncService } from './sync.service.js';

/** An account's sync ("Refresh now" and its progress), under the account's path. */
@ApiTags('accounts')
@Controller('accounts')
export class SyncController {
  constructor(private readonly sync: SyncService) {}

  @Post(':id/refresh')
  @HttpCode(202)
  @Policy('sync', 'InstagramAccount')
  @ApiRoute({ summary: 'Start a sync of a connected account ("Refresh now"); poll GET …/sync for progress', responses: { 202: refreshResponseSchema }, errors: { 400: ['not_connected'], 402: ['account_read_only'], 403: ['forbidden'], 404: ['not_found'], 409: ['reconnect_required'] } })
  refresh(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.sync.refresh(actor, id);
  }

  @Get(':id/sync')
  @Policy('read', 'InstagramAccount')
  @ApiRoute({ summary: 'The account’s latest sync run and its progress', responses: { 200: syncRunViewSchema }, errors: { 404: ['not_found'] } })
  syncStatus(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.sync.status(actor, id);
  }
}
