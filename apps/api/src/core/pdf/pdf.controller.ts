import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AdminOnly, Realm } from '../auth/decorators.js';
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
  async sample(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.pdf.renderSample();
    void reply.header('content-type', 'application/pdf').header('content-disposition', 'inline; filename="instagrowth-sample-report.pdf"').header('cache-control', 'no-store');
    return file;
  }
}
