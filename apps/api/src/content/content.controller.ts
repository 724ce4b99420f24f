import { Controller, Delete, Get, HttpCode, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { uuidParamSchema } from '@instagrowth/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal, Policy } from '../core/auth/decorators.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody, ZodParam, ZodQuery } from '../core/http/zod.js';
import {
  brandVoiceInputSchema,
  brandVoiceSchema,
  contentExportQuerySchema,
  contentItemSchema,
  contentListQuerySchema,
  contentPageSchema,
  generationRequestSchema,
  generationResponseSchema,
  saveContentSchema,
  updateContentSchema,
} from './content.dto.js';
import { ContentService } from './content.service.js';
import { GenerationService } from './generation.service.js';

@ApiTags('content')
@Controller()
export class ContentController {
  constructor(
    private readonly content: ContentService,
    private readonly generations: GenerationService,
  ) {}

  @Get('accounts/:id/brand-voice')
  @Policy('read', 'Content')
  @ApiRoute({ summary: 'The account’s brand voice (defaults with configured: false until one is saved)', responses: { 200: brandVoiceSchema }, errors: { 404: ['not_found'] } })
  brandVoice(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string) {
    return this.content.brandVoice(actor, id);
  }

  @Put('accounts/:id/brand-voice')
  @Policy('update', 'Content')
  @ApiRoute({ summary: 'Save the account’s brand voice; every generation applies it', responses: { 200: brandVoiceSchema }, errors: { 403: ['forbidden'], 404: ['not_found'] } })
  saveBrandVoice(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(brandVoiceInputSchema) body: z.infer<typeof brandVoiceInputSchema>) {
    return this.content.saveBrandVoice(actor, id, body);
  }

  @Post('accounts/:id/generations')
  @HttpCode(200)
  @Policy('create', 'Content')
  @ApiRoute({
    summary: 'Generate content of one kind grounded in the account’s voice and results (AI: 1 credit, refunded on failure; offline: free, labelled)',
    responses: { 200: generationResponseSchema },
    errors: { 402: ['credits_exhausted'], 403: ['forbidden'], 404: ['not_found'], 502: ['ai_malformed', 'ai_unavailable'], 504: ['ai_timeout'] },
  })
  generate(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(generationRequestSchema) body: z.infer<typeof generationRequestSchema>) {
    return this.generations.generate(actor, id, body.kind, body.options);
  }

  @Get('content')
  @Policy('read', 'Content')
  @ApiRoute({ summary: 'The content library: filters, search and pages (clients see approved content of their accounts)', responses: { 200: contentPageSchema } })
  list(@CurrentPrincipal() actor: MemberPrincipal, @ZodQuery(contentListQuerySchema) query: z.infer<typeof contentListQuerySchema>) {
    return this.content.list(actor, query);
  }

  @Get('content/export')
  @Policy('read', 'Content')
  @ApiRoute({ summary: 'Export the library (same filters) as CSV or JSON, as a download', responses: { 200: { description: 'The items as CSV (columns in CONTENT_CSV_COLUMNS) or JSON `{ data }`', contentType: 'text/csv' } } })
  async export(@CurrentPrincipal() actor: MemberPrincipal, @ZodQuery(contentExportQuerySchema) query: z.infer<typeof contentExportQuerySchema>, @Res() reply: FastifyReply): Promise<void> {
    const { format, ...filters } = query;
    const file = await this.content.export(actor, filters, format);
    await reply.status(200).header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
  }

  @Post('content')
  @Policy('create', 'Content')
  @ApiRoute({ summary: 'Save one generated item to the library, with the request that produced it', responses: { 201: contentItemSchema }, errors: { 404: ['not_found'] } })
  save(@CurrentPrincipal() actor: MemberPrincipal, @ZodBody(saveContentSchema) body: z.infer<typeof saveContentSchema>) {
    return this.content.save(actor, body.generationId, body.index, body.tags);
  }

  @Patch('content/:id')
  @Policy('update', 'Content')
  @ApiRoute({ summary: 'Edit a library item: text, title, favourite, tags, status (a client’s account reaches approved only through approval)', responses: { 200: contentItemSchema }, errors: { 404: ['not_found'], 409: ['approval_required'] } })
  update(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string, @ZodBody(updateContentSchema) body: z.infer<typeof updateContentSchema>) {
    return this.content.update(actor, id, body);
  }

  @Delete('content/:id')
  @HttpCode(204)
  @Policy('delete', 'Content')
  @ApiRoute({ summary: 'Delete a library item', responses: { 204: null }, errors: { 404: ['not_found'] } })
  async remove(@CurrentPrincipal() actor: MemberPrincipal, @ZodParam('id', uuidParamSchema) id: string): Promise<void> {
    await this.content.remove(actor, id);
  }
}
