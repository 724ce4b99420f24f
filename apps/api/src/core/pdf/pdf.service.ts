import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { BrowserPool } from './browser-pool.js';
import { PLATFORM_BRANDING, reportBranding } from './branding.js';
import type { PdfRenderOptions, PdfTemplate, ReportBranding } from './pdf.types.js';
import { SAMPLE_REPORT, sampleReportData } from './sample-report.js';
import { renderLayout } from './templates/layout.js';
import { withoutMetaRefresh } from './meta-refresh.js';

/**
 * Branded reports as PDF (for downloads) or as a standalone HTML page (for logged-out share
 * links). A feature defines its template once with `definePdfTemplate` and passes it here with its
 * data and the workspace's branding.
 */
@Injectable()
export class PdfService implements OnApplicationShutdown {
  private readonly pool: BrowserPool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new BrowserPool(config.pdf);
  }

  /** The whole HTML document for the share page: brand bar, body, footer; it loads nothing but data: URIs. */
  renderHtml<T>(template: PdfTemplate<T>, data: T, branding: ReportBranding): string {
    return this.document(template, data, branding, 'web');
  }

  /** An A4 PDF with the footer and page numbers on every page. Waits its turn in the render queue (PDF_CONCURRENCY). */
  async renderPdf<T>(template: PdfTemplate<T>, data: T, branding: ReportBranding, options: PdfRenderOptions = {}): Promise<Buffer> {
    const pageSize = `${options.format ?? 'A4'}${options.landscape ? ' landscape' : ''}`;
    const html = this.document(template, data, branding, 'pdf', pageSize);
    return this.pool.withPage(template.name, async (page) => {
      await page.setContent(html, { waitUntil: 'load' });
      // Size, margins and the footer come from the document's @page rule. Untagged: tagging costs
      // ≈ 40 ms per ten pages; the charts still carry <title>s and the text stays selectable.
      const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: false, outline: false });
      return Buffer.from(pdf);
    });
  }

  /** The ten-page sample report in the platform's brand (the super-admin's rendering check). */
  renderSample(): Promise<Buffer> {
    return this.renderPdf(SAMPLE_REPORT, sampleReportData(), PLATFORM_BRANDING);
  }

  /** The Chromium process id while one runs (diagnostics; the restart test kills it). */
  browserPid(): Promise<number | null> {
    return this.pool.pid();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }

  private document<T>(template: PdfTemplate<T>, data: T, branding: ReportBranding, mode: 'pdf' | 'web', pageSize?: string): string {
    // Colours and logo are re-checked even if the caller built the branding by hand: they land in CSS.
    const brand = reportBranding(branding);
    const body = template.body(data, { data: { brand } });
    return renderLayout({ title: template.title(data, brand), body: withoutMetaRefresh(body), branding: brand, mode, pageSize });
  }
}
