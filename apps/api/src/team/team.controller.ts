import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { invitationListSchema, invitationViewSchema, memberListSchema, userViewSchema, uuidParamSchema } from '@instagrowth/contracts';
import type { z } from 'zod';
import { CurrentPrincipal, Policy } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam } from '../core/http/zod.js';
import { changeRoleSchema, inviteSchema } from './team.dto.js';
import { TeamService } from './team.service.js';

@ApiTags('team')
@Controller('team')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Get('members')
  @Policy('read', 'Member')
  @ApiRoute({ summary: 'List the members of this workspace', responses: { 200: memberListSchema } })
  listMembers() {
    return this.team.listMembers();
  }

  @Patch('members/:id')
  @Policy('update', 'Member')
  @ApiRoute({ summary: 'Change a member’s role', responses: { 200: userViewSchema }, errors: { 403: ['forbidden'], 404: ['not_found'], 409: ['last_owner'] } })
  changeRole(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(changeRoleSchema) body: z.infer<typeof changeRoleSchema>) {
    return this.team.changeRole(actor, id, body.role);
  }

  @Delete('members/:id')
  @HttpCode(204)
  @Policy('delete', 'Member')
  @ApiRoute({ summary: 'Remove a member from this workspace', responses: { 204: null }, errors: { 403: ['forbidden'], 404: ['not_found'], 409: ['last_owner'] } })
  async removeMember(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string): Promise<void> {
    await this.team.removeMember(actor, id);
  }

  @Get('invitations')
  @Policy('invite', 'Member')
  @ApiRoute({ summary: 'List pending invitations', responses: { 200: invitationListSchema } })
  listInvitations() {
    return this.team.listInvitations();
  }

  @Post('invitations')
  @Policy('invite', 'Member')
  @ApiRoute({ summary: 'Invite someone by e-mail as admin, manager or client', responses: { 201: invitationViewSchema }, errors: { 402: ['seat_limit_reached', 'client_login_limit_reached'], 403: ['forbidden'], 409: ['already_invited', 'already_member'], 429: ['too_many_attempts'] } })
  invite(@CurrentPrincipal() actor: MemberPrincipal, @ZodBody(inviteSchema) body: z.infer<typeof inviteSchema>) {
    return this.team.invite(actor, body.email, body.role);
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @Policy('invite', 'Member')
  @ApiRoute({ summary: 'Revoke a pending invitation', responses: { 204: null }, errors: { 404: ['not_found'] } })
  async revokeInvitation(@ZodParam('id', uuidParamSchema) id: string): Promise<void> {
    await this.team.revokeInvitation(id);
  }
}
