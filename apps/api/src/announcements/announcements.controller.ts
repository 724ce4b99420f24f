import { Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { announcementInputSchema, announcementListSchema, announcementSchema, uuidParamSchema, workspaceAnnouncementsSchema } from '@instagrowth/contracts';
import { AdminOnly, Authenticated, CurrentPrincipal, Realm } from '../core/auth/decorators.js';
import type { AdminPrincipal, MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam } from '../core/http/zod.js';
import { AnnouncementsService } from './announcements.service.js';

type Input = z.output<typeof announcementInputSchema>;

@ApiTags('announcements')
@Controller()
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Get('admin-panel/announcements')
  @Realm('admin')
  @AdminOnly()
  @ApiRoute({ summary: 'Every announcement, newest start first', responses: { 200: announcementListSchema } })
  list() {
    return this.announcements.list();
  }

  @Post('admin-panel/announcements')
  @Realm('admin')
  @AdminOnly()
  @ApiRoute({ summary: 'Publish an announcement to every workspace or to some plans, from a start to an optional end (audited)', responses: { 201: announcementSchema } })
  create(@CurrentPrincipal() admin: AdminPrincipal, @ZodBody(announcementInputSchema) body: Input, @Req() req: FastifyRequest) {
    return this.announcements.create(admin, body, req.ip);
  }

  @Put('admin-panel/announcements/:id')
  @Realm('admin')
  @AdminOnly()
  @ApiRoute({ summary: 'Edit an announcement (audited)', responses: { 200: announcementSchema }, errors: { 404: ['not_found'] } })
  update(@CurrentPrincipal() admin: AdminPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(announcementInputSchema) body: Input, @Req() req: FastifyRequest) {
    return this.announcements.update(admin, id, body, req.ip);
  }

  @Delete('admin-panel/announcements/:id')
  @HttpCode(204)
  @Realm('admin')
  @AdminOnly()
  @ApiRoute({ summary: 'Delete an announcement (audited)', responses: { 204: null }, errors: { 404: ['not_found'] } })
  async remove(@CurrentPrincipal() admin: AdminPrincipal, @ZodParam('id', uuidParamSchema) id: string, @Req() req: FastifyRequest) {
    await this.announcements.remove(admin, id, req.ip);
  }

  @Get('announcements')
  @Authenticated()
  @ApiRoute({ summary: 'Running announcements for this workspace’s plan that the caller has not dismissed', responses: { 200: workspaceAnnouncementsSchema } })
  forMe(@CurrentPrincipal() principal: MemberPrincipal) {
    return this.announcements.forMember(principal);
  }

  @Post('announcements/:id/dismiss')
  @HttpCode(204)
  @Authenticated()
  @ApiRoute({ summary: 'Dismiss an announcement for the caller (remembered on the server)', responses: { 204: null }, errors: { 404: ['not_found'] } })
  async dismiss(@CurrentPrincipal() principal: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    await this.announcements.dismiss(principal, id);
  }
}
