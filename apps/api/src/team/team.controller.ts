import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { uuidParamSchema } from '@instagrowth/contracts';
import type { z } from 'zod';
import { CurrentPrincipal, Policy } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiZodBody, ZodBody, ZodParam } from '../core/http/zod.js';
import { changeRoleSchema, inviteSchema } from './team.dto.js';
import { TeamService } from './team.service.js';

@ApiTags('team')
@Controller('team')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Get('members')
  @Policy('read', 'Member')
  listMembers() {
    return this.team.listMembers();
  }

  @Patch('members/:id')
  @Policy('update', 'Member')
  @ApiZodBody(changeRoleSchema)
  changeRole(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(changeRoleSchema) body: z.infer<typeof changeRoleSchema>) {
    return this.team.changeRole(actor, id, body.role);
  }

  @Delete('members/:id')
  @HttpCode(204)
  @Policy('delete', 'Member')
  async removeMember(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string): Promise<void> {
    await this.team.removeMember(actor, id);
  }

  @Get('invitations')
  @Policy('invite', 'Member')
  listInvitations() {
    return this.team.listInvitations();
  }

  @Post('invitations')
  @Policy('invite', 'Member')
  @ApiZodBody(inviteSchema)
  invite(@CurrentPrincipal() actor: MemberPrincipal, @ZodBody(inviteSchema) body: z.infer<typeof inviteSchema>) {
    return this.team.invite(actor, body.email, body.role);
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @Policy('invite', 'Member')
  async revokeInvitation(@ZodParam('id', uuidParamSchema) id: string): Promise<void> {
    await this.team.revokeInvitation(id);
  }
}
