import { Controller, Get, Inject, Res } from '@nestjs/common';
import { escapeHtml } from '../core/http/html.js';
import { ApiTags } from '@nestjs/swagger';
import { authorizeUrlSchema, connectQuerySchema, oauthCallbackQuerySchema, type OAuthCallbackQuery } from '@instagrowth/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { CurrentPrincipal, Policy, Public, Realm } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodQuery } from '../core/http/zod.js';
import { InstagramConnectService } from './instagram-connect.service.js';

@ApiTags('instagram')
@Controller('instagram')
export class InstagramConnectController {
  constructor(
    private readonly connect: InstagramConnectService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('auth/url')
  @Policy('connect', 'InstagramAccount')
  @ApiRoute({ summary: 'The Instagram authorize URL to connect an account (or reconnect `accountId`)', responses: { 200: authorizeUrlSchema }, errors: { 403: ['forbidden'], 404: ['not_found'], 402: ['account_limit_reached'], 503: ['instagram_not_configured'] } })
  authorizeUrl(@CurrentPrincipal() actor: MemberPrincipal, @ZodQuery(connectQuerySchema) query: z.infer<typeof connectQuerySchema>) {
    return this.connect.authorizeUrl(actor, query.accountId);
  }

  /** The one redirect URI registered with Meta, on the root host. */
  @Get('callback')
  @Realm('root')
  @Public()
  @ApiRoute({
    summary: 'The OAuth redirect URI Instagram sends the browser back to (root host)',
    description: 'Query: `code` and `state`, or `error`, `error_reason`, `error_description`. Redirects to the workspace’s `/accounts?connected=<id>` or `/accounts?error=<code>&message=<text>`; without a workspace to go back to it answers an HTML page saying what happened.',
    responses: { 302: { description: 'Back to the workspace’s accounts page' }, 400: { description: 'Invalid, expired or reused state (HTML page); a malformed query answers JSON `validation_failed` naming the field', contentType: 'text/html' }, 404: { description: 'The workspace is gone or suspended (HTML page)', contentType: 'text/html' }, 503: { description: 'Instagram is not configured (HTML page)', contentType: 'text/html' } },
  })
  async callback(@ZodQuery(oauthCallbackQuerySchema) query: OAuthCallbackQuery, @Res() reply: FastifyReply): Promise<void> {
    const outcome = await this.connect.callback(query);
    if (outcome.kind === 'redirect') {
      await reply.redirect(outcome.url, 302);
      return;
    }
    const home = this.config.appUrl.toString();
    await reply
      .status(outcome.status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(outcome.title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f6f7fb;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border-radius:12px;padding:32px;max-width:480px;box-shadow:0 1px 3px rgba(0,0,0,.1)}h1{font-size:20px}</style></head>
<body><main><h1>${escapeHtml(outcome.title)}</h1><p>${escapeHtml(outcome.message)}</p><p><a href="${escapeHtml(home)}">Back to InstaGrowth</a></p></main></body></html>`);
  }
}
