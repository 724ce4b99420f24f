import { Controller, Get, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { registerResponseSchema, registerSchema, slugAvailabilitySchema, text } from '@instagrowth/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Public, Realm } from '../core/auth/decorators.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam } from '../core/http/zod.js';
import { REFERRAL_COOKIE } from '../referrals/referrals.service.js';
import { WorkspacesService } from './workspaces.service.js';

@ApiTags('workspaces')
@Controller('auth')
@Realm('root')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Get('slug/:slug')
  @Public()
  @ApiRoute({ summary: 'Whether a workspace address is free (root host)', responses: { 200: slugAvailabilitySchema }, errors: { 429: ['too_many_attempts'] } })
  slug(@ZodParam('slug', text({ max: 100 })) slug: string, @Req() req: FastifyRequest) {
    return this.workspaces.slugAvailability(slug, req.ip);
  }

  @Post('register')
  @Public()
  @ApiRoute({ summary: 'Sign up: create a workspace, its owner and trial (root host)', responses: { 201: registerResponseSchema }, errors: { 409: ['slug_taken'], 429: ['too_many_attempts'] } })
  register(@ZodBody(registerSchema) body: z.infer<typeof registerSchema>, @Req() req: FastifyRequest) {
    return this.workspaces.register(body, req.ip, req.cookies?.[REFERRAL_COOKIE]);
  }
}
