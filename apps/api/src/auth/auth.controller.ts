import { Controller, Delete, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentPrincipal, Public } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiZodBody, ZodBody, ZodParam } from '../core/http/zod.js';
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
    return this.cookie.set(reply, await this.auth.login(body, req.ip, clientOf(req)));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  async refresh(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    assertSameOrigin(req);
    return this.cookie.set(reply, await this.auth.refresh(this.cookie.read(req), clientOf(req)));
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    assertSameOrigin(req);
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
  previewInvitation(@ZodParam('token', opaqueTokenSchema) token: string) {
    return this.team.previewInvitation(token);
  }

  @Post('accept-invitation')
  @HttpCode(200)
  @Public()
  @ApiZodBody(acceptInvitationSchema)
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
  @ApiZodBody(updateProfileSchema)
  updateProfile(@CurrentPrincipal() principal: MemberPrincipal, @ZodBody(updateProfileSchema) body: z.infer<typeof updateProfileSchema>) {
    return this.auth.updateProfile(principal, body.name);
  }

  @Post('change-password')
  @HttpCode(204)
  @Authenticated()
  @ApiZodBody(changePasswordSchema)
  async changePassword(@CurrentPrincipal() principal: MemberPrincipal, @ZodBody(changePasswordSchema) body: z.infer<typeof changePasswordSchema>): Promise<void> {
    await this.auth.changePassword(principal, body.currentPassword, body.newPassword);
  }

  @Post('change-email')
  @HttpCode(202)
  @Authenticated()
  @ApiZodBody(changeEmailSchema)
  async changeEmail(@CurrentPrincipal() principal: MemberPrincipal, @ZodBody(changeEmailSchema) body: z.infer<typeof changeEmailSchema>) {
    await this.auth.requestEmailChange(principal, body.password, body.email);
    return { message: `We sent a confirmation link to ${body.email}.` };
  }

  @Post('confirm-email-change')
  @HttpCode(204)
  @Public()
  @ApiZodBody(confirmEmailChangeSchema)
  async confirmEmailChange(@ZodBody(confirmEmailChangeSchema) body: z.infer<typeof confirmEmailChangeSchema>): Promise<void> {
    await this.auth.confirmEmailChange(body.token);
  }

  @Get('sessions')
  @Authenticated()
  sessions(@CurrentPrincipal() principal: MemberPrincipal) {
    return this.auth.listSessions(principal);
  }

  @Post('sessions/revoke-others')
  @HttpCode(204)
  @Authenticated()
  async revokeOthers(@CurrentPrincipal() principal: MemberPrincipal): Promise<void> {
    await this.auth.revokeOtherSessions(principal);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @Authenticated()
  async revokeSession(@CurrentPrincipal() principal: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string): Promise<void> {
    await this.auth.revokeSession(principal, id);
  }
}

const clientOf = (req: FastifyRequest) => ({ ip: req.ip, userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null });
