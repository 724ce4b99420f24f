import { Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import {
  adminMailLogSchema,
  mailLogQuerySchema,
  mailPreviewRequestSchema,
  mailPreviewSchema,
  mailSuppressionListSchema,
  mailSuppressionParamSchema,
  mailTemplateDetailSchema,
  mailTemplateKeyParamSchema,
  mailTemplateListSchema,
  mailTemplateSourceSchema,
  mailTestSendSchema,
  mailTestSentSchema,
} from '@instagrowth/contracts';
import type { z } from 'zod';
import { AdminOnly, CurrentPrincipal, Realm } from '../core/auth/decorators.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam, ZodQuery } from '../core/http/zod.js';
import { MailTemplatesService } from './mail-templates.service.js';

const templateKey = mailTemplateKeyParamSchema.shape.key;

@ApiTags('admin-panel')
@Controller('admin-panel/mail')
@Realm('admin')
@AdminOnly()
export class MailAdminController {
  constructor(private readonly templates: MailTemplatesService) {}

  @Get('templates')
  @ApiRoute({ summary: 'Every platform mail template and whether it was edited', responses: { 200: mailTemplateListSchema } })
  list() {
    return this.templates.list();
  }

  @Get('templates/:key')
  @ApiRoute({ summary: 'A template’s source, its shipped default, its documented variables and sample values', responses: { 200: mailTemplateDetailSchema }, errors: { 404: ['not_found'] } })
  detail(@ZodParam('key', templateKey) key: string) {
    return this.templates.detail(key);
  }

  @Put('templates/:key')
  @ApiRoute({ summary: 'Save an edited template (it must render with its sample variables)', responses: { 200: mailTemplateDetailSchema }, errors: { 400: ['invalid_template'], 404: ['not_found'] } })
  save(@CurrentPrincipal() admin: AdminPrincipal, @ZodParam('key', templateKey) key: string, @ZodBody(mailTemplateSourceSchema) body: z.infer<typeof mailTemplateSourceSchema>, @Req() req: FastifyRequest) {
    return this.templates.save(admin, key, body, req.ip);
  }

  @Delete('templates/:key')
  @ApiRoute({ summary: 'Back to the shipped template', responses: { 200: mailTemplateDetailSchema }, errors: { 404: ['not_found'] } })
  reset(@CurrentPrincipal() admin: AdminPrincipal, @ZodParam('key', templateKey) key: string, @Req() req: FastifyRequest) {
    return this.templates.reset(admin, key, req.ip);
  }

  @Post('templates/:key/preview')
  @HttpCode(200)
  @ApiRoute({ summary: 'Render the saved template, or an unsaved draft, with its sample variables', responses: { 200: mailPreviewSchema }, errors: { 400: ['invalid_template'], 404: ['not_found'] } })
  preview(@ZodParam('key', templateKey) key: string, @ZodBody(mailPreviewRequestSchema) body: z.infer<typeof mailPreviewRequestSchema>) {
    return this.templates.preview(key, body.draft);
  }

  @Post('templates/:key/test')
  @HttpCode(200)
  @ApiRoute({ summary: 'Send the saved template with its sample variables to an address', responses: { 200: mailTestSentSchema }, errors: { 404: ['not_found'] } })
  test(@CurrentPrincipal() admin: AdminPrincipal, @ZodParam('key', templateKey) key: string, @ZodBody(mailTestSendSchema) body: z.infer<typeof mailTestSendSchema>, @Req() req: FastifyRequest) {
    return this.templates.testSend(admin, key, body.to, req.ip);
  }

  @Get('log')
  @ApiRoute({ summary: 'Every e-mail of the platform, newest first, with delivery status and reason', responses: { 200: adminMailLogSchema } })
  log(@ZodQuery(mailLogQuerySchema) query: z.infer<typeof mailLogQuerySchema>) {
    return this.templates.log(query.status);
  }

  @Get('suppressions')
  @ApiRoute({ summary: 'Addresses every mail skips after a hard bounce or a spam complaint, newest first', responses: { 200: mailSuppressionListSchema } })
  suppressions() {
    return this.templates.suppressions();
  }

  @Delete('suppressions/:email')
  @HttpCode(204)
  @ApiRoute({ summary: 'Clear a suppression so mail reaches the address again (audited)', responses: { 204: null }, errors: { 404: ['not_found'] } })
  async clearSuppression(@CurrentPrincipal() admin: AdminPrincipal, @ZodParam('email', mailSuppressionParamSchema.shape.email) email: string, @Req() req: FastifyRequest) {
    await this.templates.clearSuppression(admin, email, req.ip);
  }
}
