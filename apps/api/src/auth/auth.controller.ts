import { Controller, Delete, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentPrincipal, Public } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam } from '../core/http/zod.js';
import { TeamService } from '../team/team.service.js';
import { assertSameOrigin } from '../core/http/origin.js';
import { opaqueTokenSchema, uuidParamSchema } from '@instagrowth/contracts';
import {
  acceptInvitationSchema,
  changeEmailSchema,
  changePasswordSchema,
  confirmEmailChangeSchema,
  forgotPasswordSchema,
  loginSchema,
  resetPasswordSchema,
  tokenBodySchema,
  updateProfileSchema,
} from './auth.dto.js';
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
  emailChangeRequestedSchema,
  profileResponseSchema,
  sessionListSchema,
} from '@instagrowth/contracts';


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
    return this.cookie.set(reply, await this.auth.login(body, req.ip, clientOf(req)));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiRoute({ summary: 'A new access token from the refresh cookie (rotated on every use)', responses: { 200: sessionViewSchema }, errors: { 401: ['invalid_refresh_token'] } })
  async refresh(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    assertSameOrigin(req);
    return this.cookie.set(reply, await this.auth.refresh(this.cookie.read(req), clientOf(req)));
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiRoute({ summary: 'End this session and clear the refresh cookie', responses: { 204: null } })
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    assertSameOrigin(req);
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
  previewInvitation(@ZodParam('token', opaqueTokenSchema) token: string) {
    return this.team.previewInvitation(token);
  }

  @Post('accept-invitation')
  @HttpCode(200)
  @Public()
  @ApiRoute({ summary: 'Accept an invitation: creates the member and signs them in', responses: { 200: sessionViewSchema }, errors: { 400: ['weak_password'], 404: ['invalid_token'] } })
  async acceptInvitation(
    @ZodBody(acceptInvitationSchema) body: z.infer<typeof acceptInvitationSchema>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const user = await this.team.acceptInvitation(body);
    return this.cookie.set(reply, await this.auth.issueSession(user, crypto.randomUUID(), clientOf(req)));
  }

  @Patch('profile')
  @Authenticated()
  @ApiRoute({ summary: 'Change your own name', responses: { 200: profileResponseSchema } })
  updateProfile(@CurrentPrincipal() principal: MemberPrincipal, @ZodBody(updateProfileSchema) body: z.infer<typeof updateProfileSchema>) {
    return this.auth.updateProfile(principal, body.name);
  }

  @Post('change-password')
  @HttpCode(204)
  @Authenticated()
  @ApiRoute({ summary: 'Change your password; ends every other session', responses: { 204: null }, errors: { 400: ['wrong_password', 'weak_password'], 429: ['too_many_attempts'] } })
  async changePassword(@CurrentPrincipal() principal: MemberPrincipal, @ZodBody(changePasswordSchema) body: z.infer<typeof changePasswordSchema>): Promise<void> {
    await this.auth.changePassword(principal, body.currentPassword, body.newPassword);
  }

  @Post('change-email')
  @HttpCode(202)
  @Authenticated()
  @ApiRoute({ summary: 'Mail a confirmation link to a new address', responses: { 202: emailChangeRequestedSchema }, errors: { 400: ['wrong_password', 'same_email'], 409: ['email_taken'], 429: ['too_many_attempts'] } })
  async changeEmail(@CurrentPrincipal() principal: MemberPrincipal, @ZodBody(changeEmailSchema) body: z.infer<typeof changeEmailSchema>) {
    await this.auth.requestEmailChange(principal, body.password, body.email);
    return { message: `We sent a confirmation link to ${body.email}.` };
  }

  @Post('confirm-email-change')
  @HttpCode(204)
  @Public()
  @ApiRoute({ summary: 'Switch to the new address with the token from the confirmation mail (single use, 24 h)', responses: { 204: null }, errors: { 400: ['invalid_token'], 409: ['email_taken'] } })
  async confirmEmailChange(@ZodBody(confirmEmailChangeSchema) body: z.infer<typeof confirmEmailChangeSchema>): Promise<void> {
    await this.auth.confirmEmailChange(body.token);
  }

  @Get('sessions')
  @Authenticated()
  @ApiRoute({ summary: 'Your live sessions (device, address, this one marked current)', responses: { 200: sessionListSchema } })
  sessions(@CurrentPrincipal() principal: MemberPrincipal) {
    return this.auth.listSessions(principal);
  }

  @Post('sessions/revoke-others')
  @HttpCode(204)
  @Authenticated()
  @ApiRoute({ summary: 'End every session but this one', responses: { 204: null } })
  async revokeOthers(@CurrentPrincipal() principal: MemberPrincipal): Promise<void> {
    await this.auth.revokeOtherSessions(principal);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @Authenticated()
  @ApiRoute({ summary: 'End one of your sessions', responses: { 204: null }, errors: { 404: ['not_found'] } })
  async revokeSession(@CurrentPrincipal() principal: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string): Promise<void> {
    await this.auth.revokeSession(principal, id);
  }
}

const clientOf = (req: FastifyRequest) => ({ ip: req.ip, userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null });
