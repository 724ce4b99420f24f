import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentPrincipal, Public } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam } from '../core/http/zod.js';
import { TeamService } from '../team/team.service.js';
import { acceptInvitationSchema, forgotPasswordSchema, loginSchema, resetPasswordSchema, tokenBodySchema } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { SessionCookie } from './session-cookie.js';
import { z } from 'zod';
import {
  emailVerifiedSchema,
  forgotPasswordResponseSchema,
  invitationPreviewSchema,
  meResponseSchema,
  passwordResetSchema,
  sessionViewSchema,
  verificationResentSchema,
} from '@instagrowth/contracts';

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
  @ApiRoute({ summary: 'Sign in to this workspace; sets the refresh cookie', responses: { 200: sessionViewSchema }, errors: { 401: ['invalid_credentials'], 429: ['too_many_attempts'] } })
  async login(@ZodBody(loginSchema) body: z.infer<typeof loginSchema>, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.cookie.set(reply, await this.auth.login(body, req.ip));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiRoute({ summary: 'A new access token from the refresh cookie (rotated on every use)', responses: { 200: sessionViewSchema }, errors: { 401: ['invalid_refresh_token'] } })
  async refresh(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.cookie.set(reply, await this.auth.refresh(this.cookie.read(req)));
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiRoute({ summary: 'End this session and clear the refresh cookie', responses: { 204: null } })
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(this.cookie.read(req));
    this.cookie.clear(reply);
  }

  @Get('me')
  @Authenticated()
  @ApiRoute({ summary: 'The signed-in member, the workspace and the member’s CASL rules', responses: { 200: meResponseSchema } })
  me(@CurrentPrincipal() principal: MemberPrincipal) {
    return this.auth.me(principal);
  }

  @Post('verify-email')
  @HttpCode(200)
  @Public()
  @ApiRoute({ summary: 'Confirm an e-mail address with the token from the mail', responses: { 200: emailVerifiedSchema }, errors: { 400: ['invalid_token'] } })
  verifyEmail(@ZodBody(tokenBodySchema) body: z.infer<typeof tokenBodySchema>) {
    return this.auth.verifyEmail(body.token);
  }

  @Post('resend-verification')
  @HttpCode(202)
  @Authenticated()
  @ApiRoute({ summary: 'Send the confirmation mail again', responses: { 202: verificationResentSchema }, errors: { 429: ['too_many_attempts'] } })
  async resendVerification(@CurrentPrincipal() principal: MemberPrincipal) {
    await this.auth.resendVerification(principal);
    return { sent: !principal.emailVerified };
  }

  @Post('forgot-password')
  @HttpCode(202)
  @Public()
  @ApiRoute({ summary: 'Mail a password-reset link (answers alike for unknown addresses)', responses: { 202: forgotPasswordResponseSchema }, errors: { 429: ['too_many_attempts'] } })
  async forgotPassword(@ZodBody(forgotPasswordSchema) body: z.infer<typeof forgotPasswordSchema>, @Req() req: FastifyRequest) {
    await this.auth.forgotPassword(body.email, req.ip);
    return { message: 'If that address has an account here, a reset link is on its way.' };
  }

  @Post('reset-password')
  @HttpCode(200)
  @Public()
  @ApiRoute({ summary: 'Set a new password with the token from the reset mail; ends every session', responses: { 200: passwordResetSchema }, errors: { 400: ['invalid_token'] } })
  async resetPassword(@ZodBody(resetPasswordSchema) body: z.infer<typeof resetPasswordSchema>) {
    await this.auth.resetPassword(body.token, body.password);
    return { reset: true as const };
  }

  @Get('invitations/:token')
  @Public()
  @ApiRoute({ summary: 'What an invitation link is for (e-mail, role, workspace)', responses: { 200: invitationPreviewSchema }, errors: { 404: ['invalid_token'] } })
  previewInvitation(@ZodParam('token', invitationToken) token: string) {
    return this.team.previewInvitation(token);
  }

  @Post('accept-invitation')
  @HttpCode(200)
  @Public()
  @ApiRoute({ summary: 'Accept an invitation: creates the member and signs them in', responses: { 200: sessionViewSchema }, errors: { 404: ['invalid_token'] } })
  async acceptInvitation(@ZodBody(acceptInvitationSchema) body: z.infer<typeof acceptInvitationSchema>, @Res({ passthrough: true }) reply: FastifyReply) {
    const user = await this.team.acceptInvitation(body);
    return this.cookie.set(reply, await this.auth.issueSession(user, crypto.randomUUID()));
  }
}
