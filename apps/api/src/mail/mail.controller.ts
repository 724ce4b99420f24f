import { Controller, Delete, Get, HttpCode, Post, Put, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createSendingDomainSchema,
  mailLogQuerySchema,
  mailLogSchema,
  mailPreferencesSchema,
  resendWebhookAckSchema,
  sendingDomainViewSchema,
  unsubscribeQuerySchema,
  unsubscribeViewSchema,
  updateMailPreferencesSchema,
} from '@instagrowth/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal, Policy, Public, Realm } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodQuery } from '../core/http/zod.js';
import { MailCenterService } from './mail-center.service.js';
import { ResendWebhookService } from './resend-webhook.service.js';
import { SendingDomainService } from './sending-domain.service.js';

@ApiTags('mail')
@Controller('mail')
export class MailController {
  constructor(
    private readonly center: MailCenterService,
    private readonly webhooks: ResendWebhookService,
    private readonly domains: SendingDomainService,
  ) {}

  @Get('log')
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: 'This workspace’s e-mails, newest first, with their delivery status (owner and admin)', responses: { 200: mailLogSchema } })
  log(@ZodQuery(mailLogQuerySchema) query: z.infer<typeof mailLogQuerySchema>) {
    return this.center.log(query.status);
  }

  @Get('preferences')
  @Policy('read', 'Workspace')
  @ApiRoute({ summary: 'Which optional e-mail categories the signed-in user receives (transactional mail always goes out)', responses: { 200: mailPreferencesSchema } })
  preferences(@CurrentPrincipal() me: MemberPrincipal) {
    return this.center.preferences(me.email);
  }

  @Put('preferences')
  @Policy('read', 'Workspace')
  @ApiRoute({ summary: 'Turn optional e-mail categories on or off for the signed-in user', responses: { 200: mailPreferencesSchema } })
  updatePreferences(@CurrentPrincipal() me: MemberPrincipal, @ZodBody(updateMailPreferencesSchema) body: z.infer<typeof updateMailPreferencesSchema>) {
    return this.center.updatePreferences(me.email, body.categories);
  }

  @Get('unsubscribe')
  @Public()
  @Realm('any')
  @ApiRoute({ summary: 'What an unsubscribe link stands for (no login; the token is signed)', responses: { 200: unsubscribeViewSchema }, errors: { 400: ['invalid_token'] } })
  unsubscribeInfo(@ZodQuery(unsubscribeQuerySchema) query: z.infer<typeof unsubscribeQuerySchema>) {
    return this.center.unsubscribe(query.token, false);
  }

  @Post('unsubscribe')
  @HttpCode(200)
  @Public()
  @Realm('any')
  @ApiRoute({ summary: 'One-click unsubscribe from one category (RFC 8058 List-Unsubscribe-Post; no login)', responses: { 200: unsubscribeViewSchema }, errors: { 400: ['invalid_token'] } })
  unsubscribe(@ZodQuery(unsubscribeQuerySchema) query: z.infer<typeof unsubscribeQuerySchema>) {
    return this.center.unsubscribe(query.token, true);
  }

  @Post('resend/webhook')
  @HttpCode(200)
  @Public()
  @Realm('root')
  @ApiRoute({
    summary: 'Resend delivery events (Svix signature checked on the raw body): statuses in the log, bounces and complaints suppress the address',
    responses: { 200: resendWebhookAckSchema },
    errors: { 400: ['invalid_signature', 'invalid_body'], 503: ['mail_not_configured'] },
  })
  webhook(@Req() req: RawBodyRequest<FastifyRequest>) {
    return this.webhooks.receive(req.rawBody, req.headers);
  }

  @Get('domain')
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: 'The workspace’s own sending domain and the DNS records it needs', responses: { 200: sendingDomainViewSchema } })
  domain() {
    return this.domains.view();
  }

  @Post('domain')
  @HttpCode(200)
  @Policy('update', 'Workspace')
  @ApiRoute({
    summary: 'Add a sending domain at Resend; answers the DNS records to create',
    responses: { 200: sendingDomainViewSchema },
    errors: { 403: ['plan_feature_unavailable'], 409: ['sending_domain_exists'], 502: ['mail_provider_error'], 503: ['mail_not_configured'] },
  })
  createDomain(@ZodBody(createSendingDomainSchema) body: z.infer<typeof createSendingDomainSchema>) {
    return this.domains.create(body.domain);
  }

  @Post('domain/verify')
  @HttpCode(200)
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: 'Ask Resend to check the DNS records now; answers the new status', responses: { 200: sendingDomainViewSchema }, errors: { 403: ['plan_feature_unavailable'], 404: ['not_found'], 503: ['mail_not_configured'] } })
  verifyDomain() {
    return this.domains.verify();
  }

  @Delete('domain')
  @Policy('update', 'Workspace')
  @ApiRoute({ summary: 'Remove the sending domain (mail goes out from the platform’s address again)', responses: { 200: sendingDomainViewSchema } })
  removeDomain() {
    return this.domains.remove();
  }
}
