import { Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public, Realm } from '../core/auth/decorators.js';
import { WebhooksService } from './webhooks.service.js';

/** Meta calls these directly (no user, no workspace host): the signature is the authentication. */
@ApiTags('instagram')
@Controller('instagram/webhooks')
@Realm('root')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @Public()
  async handshake(@Query() query: Record<string, string | undefined>, @Res() reply: FastifyReply): Promise<void> {
    const challenge = await this.webhooks.handshake(query);
    await reply.status(200).header('content-type', 'text/plain').send(challenge);
  }

  @Post()
  @HttpCode(200)
  @Public()
  receive(@Req() req: RawBodyRequest<FastifyRequest>, @Headers('x-hub-signature-256') signature: string | undefined) {
    return this.webhooks.receive(req.rawBody, signature);
  }
}
