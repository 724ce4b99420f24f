import { Body, Controller, Get, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { brandingAssetResultSchema, brandingViewSchema, updateBrandingSchema, type UpdateBrandingInput } from '@instagrowth/contracts';
import { Policy, Public } from '../core/auth/decorators.js';
import { ApiRoute } from '../core/http/api-route.js';
import { ZodBody } from '../core/http/zod.js';
import { readAssetUpload } from './branding.dto.js';
import { BrandingService } from './branding.service.js';
import { ASSET_CACHE_CONTROL } from './branding.entity.js';

@ApiTags('branding')
@Controller('branding')
export class BrandingController {
  constructor(private readonly branding: BrandingService) {}

  /** Public: the login page of a workspace host (or its verified custom domain) needs it before sign-in. */
  @Get()
  @Public()
  @ApiRoute({ summary: "The workspace's branding (public on its hosts)", responses: { 200: brandingViewSchema } })
  get() {
    return this.branding.get();
  }

  @Put()
  @Policy('update', 'Branding')
  @ApiRoute({ summary: 'Change the branding (owner, admin); the answer carries contrast warnings', responses: { 200: brandingViewSchema }, errors: { 402: ['plan_feature_unavailable'] } })
  update(@ZodBody(updateBrandingSchema) body: UpdateBrandingInput) {
    return this.branding.update(body);
  }

  @Post('assets')
  @Policy('update', 'Branding')
  @ApiRoute({
    summary: 'Upload a logo, report logo or favicon (multipart: kind, file)',
    description: 'PNG, JPEG or SVG, recognised by content. SVGs are rewritten by an allow-list sanitiser (no scripts, handlers, foreignObject or outside references).',
    responses: { 201: brandingAssetResultSchema },
    errors: { 400: ['empty_file', 'file_too_large', 'unsupported_image', 'bad_dimensions', 'unsafe_svg', 'not_multipart'], 402: ['plan_feature_unavailable'] },
  })
  async upload(@Req() req: FastifyRequest) {
    const { kind, bytes } = await readAssetUpload(req);
    return this.branding.upload(kind, bytes);
  }

  @Get('assets/:file')
  @Public()
  @ApiRoute({ summary: 'A branding asset by content hash (immutable)', responses: { 200: { description: 'The image', contentType: 'image/png' } }, errors: { 404: ['not_found'] } })
  async asset(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const { bytes, contentType } = await this.branding.asset(file);
    await reply
      .header('content-type', contentType)
      .header('cache-control', ASSET_CACHE_CONTROL)
      .header('x-content-type-options', 'nosniff')
      // Opened directly, an SVG is a document: it may draw, never run or load anything.
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .send(bytes);
  }
}
