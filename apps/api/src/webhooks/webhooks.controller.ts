import { Controller, Get, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public, Realm } from '../core/auth/decorators.js';
import { instagramAppIdParamSchema, webhookHandshakeQuerySchema, webhookReceiptSchema, type WebhookHandshakeQuery } from '@instagrowth/contracts';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodParam, ZodQuery } from '../core/http/zod.js';
import { WebhooksService } from './webhooks.service.js';

/**
 * Meta calls these directly (no user, no workspace host): the signature is the authentication.
 * `/api/instagram/webhooks` is the platform app's callback URL; `/api/instagram/webhooks/apps/<app id>`
 * is the one an agency registers in its own Meta app, so a delivery names the app (and so the
 * secret) it must be signed with.
 */
@ApiTags('instagram')
@Controller('instagram/webhooks')
@Realm('root')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @Public()
  @ApiRoute({
    summary: 'Meta’s webhook verification handshake: echoes `hub.challenge` when `hub.verify_token` matches',
    responses: { 200: { description: 'The challenge, as plain text', contentType: 'text/plain' } },
    errors: { 403: ['webhook_verification_failed'] },
  })
  async handshake(@ZodQuery(webhookHandshakeQuerySchema) query: WebhookHandshakeQuery, @Res() reply: FastifyReply): Promise<void> {
    const challenge = await this.webhooks.handshake(query);
    await reply.status(200).header('content-type', 'text/plain').send(challenge);
  }

  @Post()
  @HttpCode(200)
  @Public()
  @ApiRoute({
    summary: 'Instagram webhook events (comments, messages), checked by X-Hub-Signature-256 and routed to every workspace that connected the account',
    responses: { 200: webhookReceiptSchema },
    errors: { 400: ['invalid_body'], 401: ['invalid_signature'], 503: ['instagram_not_configured'] },
  })
  receive(@Req() req: RawBodyRequest<FastifyRequest>, @Headers('x-hub-signature-256') signature: string | undefined) {
    return this.webhooks.receive(req.rawBody, signature);
  }

  @Get('apps/:appId')
  @Public()
  @ApiRoute({
    summary: 'The webhook handshake for a workspace’s own Instagram app (the verify token its settings page shows)',
    responses: { 200: { description: 'The challenge, as plain text', contentType: 'text/plain' } },
    errors: { 403: ['webhook_verification_failed'] },
  })
  async appHandshake(@ZodParam('appId', instagramAppIdParamSchema) appId: string, @ZodQuery(webhookHandshakeQuerySchema) query: WebhookHandshakeQuery, @Res() reply: FastifyReply): Promise<void> {
    const challenge = await this.webhooks.appHandshake(appId, query);
    await reply.status(200).header('content-type', 'text/plain').send(challenge);
  }

  @Post('apps/:appId')
  @HttpCode(200)
  @Public()
  @ApiRoute({
    summary: 'Webhook events from a workspace’s own Instagram app: checked with that app’s secret, routed only to the connections made through it',
    responses: { 200: webhookReceiptSchema },
    errors: { 400: ['invalid_body'], 401: ['invalid_signature'] },
  })
  receiveForApp(@ZodParam('appId', instagramAppIdParamSchema) appId: string, @Req() req: RawBodyRequest<FastifyRequest>, @Headers('x-hub-signature-256') signature: string | undefined) {
    return this.webhooks.receiveForApp(appId, req.rawBody, signature);
  }
}
