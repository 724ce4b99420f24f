import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AdminOnly, Realm } from '../auth/decorators.js';
import { ApiRoute } from '../http/api-route.js';
import { PdfService } from './pdf.service.js';

/**
 * A super-admin's check that PDF rendering works on this deployment (Chromium installed, fonts,
 * timings): the ten-page sample report in the platform's brand. Features serve their own PDFs.
 */
@ApiTags('admin-panel')
@Controller('admin-panel/pdf')
@Realm('admin')
export class PdfController {
  constructor(private readonly pdf: PdfService) {}

  @Get('sample')
  @AdminOnly()
  @ApiProduces('application/pdf')
  @ApiRoute({ summary: 'A ten-page sample report, to check that PDF rendering works on this deployment', responses: { 200: { description: 'application/pdf', contentType: 'application/pdf' } }, errors: { 503: ['pdf_unavailable'], 504: ['pdf_timeout'] } })
  async sample(@Res() reply: FastifyReply): Promise<void> {
    const file = await this.pdf.renderSample();
    await reply.header('content-type', 'application/pdf').header('content-disposition', 'inline; filename="instagrowth-sample-report.pdf"').header('cache-control', 'no-store').send(file);
  }
}
