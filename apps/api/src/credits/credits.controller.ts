import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Policy } from '../core/auth/decorators.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodQuery } from '../core/http/zod.js';
import { creditsQuerySchema, creditsResponseSchema } from './credits.dto.js';
import { CreditsService } from './credits.service.js';

@ApiTags('credits')
@Controller('credits')
export class CreditsController {
  constructor(private readonly credits: CreditsService) {}

  @Get()
  // Credits are part of what a workspace pays for: owners and admins (who may read billing).
  @Policy('read', 'Billing')
  @ApiRoute({ summary: 'AI credits: balance, this period’s allowance and the ledger, newest first', responses: { 200: creditsResponseSchema } })
  overview(@ZodQuery(creditsQuerySchema) query: z.infer<typeof creditsQuerySchema>) {
    return this.credits.overview(query.limit, query.before);
  }
}
