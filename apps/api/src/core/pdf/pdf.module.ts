import { Global, Module } from '@nestjs/common';
import { PdfController } from './pdf.controller.js';
import { PdfService } from './pdf.service.js';

/** Global, so any feature module can inject `PdfService` without importing this one. */
@Global()
@Module({ controllers: [PdfController], providers: [PdfService], exports: [PdfService] })
export class PdfModule {}
