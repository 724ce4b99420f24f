// The PDF renderer's public surface: import from here.
export { PdfModule } from './pdf.module.js';
export { PdfService } from './pdf.service.js';
export { definePdfTemplate, REPORT_HELPERS } from './pdf-templates.js';
export { brandingFromTenant, PLATFORM_BRANDING, reportBranding } from './branding.js';
export { PdfTimeoutError, PdfUnavailableError } from './pdf.errors.js';
export { REPORT_CSP } from './templates/layout.js';
export type { PdfRenderOptions, PdfTemplate, PdfTemplateSource, ReportBranding } from './pdf.types.js';
export * from './charts/index.js';
