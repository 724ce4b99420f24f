import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { magicLinkRequestSchema, magicLinkSentSchema, sessionViewSchema, tokenBodySchema } from '@instagrowth/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Public } from '../core/auth/decorators.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody } from '../core/http/zod.js';
import { MagicLinkService } from './magic-link.service.js';
import { SessionCookie } from './session-cookie.js';

@ApiTags('auth')
@Controller('auth/magic-link')
export class MagicLinkController {
  constructor(
    private readonly links: MagicLinkService,
    private readonly cookie: SessionCookie,
  ) {}

  @Post()
  @HttpCode(202)
  @Public()
  @ApiRoute({ summary: 'Mail a single-use sign-in link (15 minutes) to a client user; answers alike for every address', responses: { 202: magicLinkSentSchema }, errors: { 429: ['too_many_attempts'] } })
  async request(@ZodBody(magicLinkRequestSchema) body: z.infer<typeof magicLinkRequestSchema>, @Req() req: FastifyRequest) {
    await this.links.request(body.email, req.ip);
    return { message: 'If that address can sign in here with a link, the link is on its way. It is valid for 15 minutes.' };
  }

  @Post('verify')
  @HttpCode(200)
  @Public()
  @ApiRoute({ summary: 'Sign in with the token from a sign-in link; sets the refresh cookie like login', responses: { 200: sessionViewSchema }, errors: { 400: ['invalid_token'], 410: ['magic_link_used', 'magic_link_expired'] } })
  async verify(@ZodBody(tokenBodySchema) body: z.infer<typeof tokenBodySchema>, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const client = { ip: req.ip, userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null };
    return this.cookie.set(reply, await this.links.verify(body.token, client));
  }
}
