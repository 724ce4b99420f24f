import { Global, Module } from '@nestjs/common';
import { PdfService } from './pdf.service.js';

/** Global, so any feature module can inject `PdfService` without importing this one. */
@Global()
@Module({ providers: [PdfService], exports: [PdfService] })
export class PdfModule {}
