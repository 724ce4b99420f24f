import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentPrincipal, Public } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiZodBody, ZodBody, ZodParam } from '../core/http/zod.js';
import { TeamService } from '../team/team.service.js';
import { acceptInvitationSchema, forgotPasswordSchema, loginSchema, resetPasswordSchema, tokenBodySchema } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { SessionCookie } from './session-cookie.js';
import { z } from 'zod';

const invitationToken = z.string().min(16, 'is not a valid token').max(256, 'is not a valid token');

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly team: TeamService,
    private readonly cookie: SessionCookie,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiZodBody(loginSchema)
  async login(@ZodBody(loginSchema) body: z.infer<typeof loginSchema>, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.cookie.set(reply, await this.auth.login(body, req.ip));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  async refresh(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.cookie.set(reply, await this.auth.refresh(this.cookie.read(req)));
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(this.cookie.read(req));
    this.cookie.clear(reply);
  }

  @Get('me')
  @Authenticated()
  me(@CurrentPrincipal() principal: MemberPrincipal) {
    return this.auth.me(principal);
  }

  @Post('verify-email')
  @HttpCode(200)
  @Public()
  @ApiZodBody(tokenBodySchema)
  verifyEmail(@ZodBody(tokenBodySchema) body: z.infer<typeof tokenBodySchema>) {
    return this.auth.verifyEmail(body.token);
  }

  @Post('resend-verification')
  @HttpCode(202)
  @Authenticated()
  async resendVerification(@CurrentPrincipal() principal: MemberPrincipal) {
    await this.auth.resendVerification(principal);
    return { sent: !principal.emailVerified };
  }

  @Post('forgot-password')
  @HttpCode(202)
  @Public()
  @ApiZodBody(forgotPasswordSchema)
  async forgotPassword(@ZodBody(forgotPasswordSchema) body: z.infer<typeof forgotPasswordSchema>, @Req() req: FastifyRequest) {
    await this.auth.forgotPassword(body.email, req.ip);
    return { message: 'If that address has an account here, a reset link is on its way.' };
  }

  @Post('reset-password')
  @HttpCode(200)
  @Public()
  @ApiZodBody(resetPasswordSchema)
  async resetPassword(@ZodBody(resetPasswordSchema) body: z.infer<typeof resetPasswordSchema>) {
    await this.auth.resetPassword(body.token, body.password);
    return { reset: true };
  }

  @Get('invitations/:token')
  @Public()
  previewInvitation(@ZodParam('token', invitationToken) token: string) {
    return this.team.previewInvitation(token);
  }

  @Post('accept-invitation')
  @HttpCode(200)
  @Public()
  @ApiZodBody(acceptInvitationSchema)
  async acceptInvitation(@ZodBody(acceptInvitationSchema) body: z.infer<typeof acceptInvitationSchema>, @Res({ passthrough: true }) reply: FastifyReply) {
    const user = await this.team.acceptInvitation(body);
    return this.cookie.set(reply, await this.auth.issueSession(user, crypto.randomUUID()));
  }
}
