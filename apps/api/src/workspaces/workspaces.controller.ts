import { Controller, Get, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { registerSchema, text } from '@instagrowth/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Public, Realm } from '../core/auth/decorators.js';
import { ApiZodBody, ZodBody, ZodParam } from '../core/http/zod.js';
import { WorkspacesService } from './workspaces.service.js';

@ApiTags('workspaces')
@Controller('auth')
@Realm('root')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Get('slug/:slug')
  @Public()
  slug(@ZodParam('slug', text({ max: 100 })) slug: string, @Req() req: FastifyRequest) {
    return this.workspaces.slugAvailability(slug, req.ip);
  }

  @Post('register')
  @Public()
  @ApiZodBody(registerSchema)
  register(@ZodBody(registerSchema) body: z.infer<typeof registerSchema>, @Req() req: FastifyRequest) {
    return this.workspaces.register(body, req.ip);
  }
}
