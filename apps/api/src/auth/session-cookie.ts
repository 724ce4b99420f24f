import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionView } from '@instagrowth/contracts';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { REFRESH_COOKIE, type IssuedSession } from './auth.dto.js';

/** The refresh token travels only in an httpOnly cookie scoped to the auth routes of this host. */
@Injectable()
export class SessionCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  set(reply: FastifyReply, issued: IssuedSession): SessionView {
    reply.setCookie(REFRESH_COOKIE, issued.refreshToken, {
      httpOnly: true,
      secure: this.config.appUrl.protocol === 'https:',
      sameSite: 'lax',
      path: '/api/auth',
      expires: issued.refreshExpiresAt,
    });
    return issued.session;
  }

  read(request: FastifyRequest): string | undefined {
    return request.cookies?.[REFRESH_COOKIE] || undefined;
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
  }
}
