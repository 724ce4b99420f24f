import type { AppConfig } from '../config/config.js';
import { brandingFromTenant, PLATFORM_BRANDING, reportBranding } from './branding.js';
import { definePdfTemplate } from './pdf-templates.js';
import { PdfService } from './pdf.service.js';
import type { ReportBranding } from './pdf.types.js';
import { SAMPLE_REPORT, sampleReportData } from './sample-report.js';
import { cssString, pageCss, renderLayout, REPORT_CSP } from './templates/layout.js';
import { withoutMetaRefresh } from './meta-refresh.js';

// renderHtml never touches the browser; the executable does not even need to exist.
const service = new PdfService({ pdf: { executablePath: '/nonexistent/chromium', concurrency: 1, timeoutMs: 1000 } } as AppConfig);
const brand: ReportBranding = { name: 'Acme Agency', primaryColor: '#0ea5e9', accentColor: '#f97316', showPoweredBy: true };
const EVIL = `<img src=x onerror=alert(1)>"'&`;

describe('PDF templates', () => {
  it('escapes every data value in the body and in the pack partials', () => {
    const t = definePdfTemplate<{ v: string; rows: string[][]; items: { text: string }[] }>({
      name: 'escape',
      body: `<p id="v">{{v}}</p>{{> cover title=v subtitle=v}}{{> table table=(obj columns=rows.[0] rows=rows)}}{{> checklist heading=v items=items}}{{#> callout heading=v}}{{v}}{{/callout}}`,
      helpers: { obj: (options: { hash: unknown }) => options.hash },
    });
    const html = service.renderHtml(t, { v: EVIL, rows: [[EVIL]], items: [{ text: EVIL }] }, brand);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('onerror=alert(1)>');
    const escaped = '&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;&quot;&#x27;&amp;';
    // body, cover title + subtitle, table header + cell, checklist heading + item, callout heading + body
    expect(html.split(escaped).length - 1).toBe(9);
  });

  it('escapes the branding (name, footer) in the layout and in the PDF footer', () => {
    const b = { ...brand, name: `</title><script>x()</script>`, footerText: `<b>bold</b>` };
    const html = service.renderHtml(SAMPLE_REPORT, sampleReportData(), b);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;');
    const pdfDoc = renderLayout({ title: 't', body: '', branding: reportBranding({ ...b, footerText: '</style><script>"\\\nx' }), mode: 'pdf' });
    const style = /<style>([\s\S]*)<\/style>/.exec(pdfDoc)![1];
    expect(style).not.toMatch(/<|<\/style|script>/);
    expect(style).toContain('@bottom-left{content:"\\3c \\2f style\\3e \\3c script\\3e \\22 \\5c \\a x"');
    expect(style).toContain('counter(page) " of " counter(pages)');
  });

  it('puts the brand colours in CSS variables and a CSP that allows only data: in the head', () => {
    const html = service.renderHtml(SAMPLE_REPORT, sampleReportData(), brand);
    expect(html).toContain('--ig-primary:#0ea5e9;--ig-accent:#f97316');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(html).toContain('<title>Acme Agency · Sample audit of @sample.account</title>');
  });

  it('shows "powered by" unless showPoweredBy is false', () => {
    expect(service.renderHtml(SAMPLE_REPORT, sampleReportData(), brand)).toContain('Powered by InstaGrowth OS');
    expect(pageCss(brand)).toContain('"Powered by InstaGrowth OS \\b7  "');
    const hidden = { ...brand, showPoweredBy: false };
    expect(service.renderHtml(SAMPLE_REPORT, sampleReportData(), hidden)).not.toContain('InstaGrowth');
    expect(pageCss(hidden)).not.toContain('InstaGrowth');
  });

  it('each template has its own partials: two features defining the same partial name do not collide', () => {
    const a = definePdfTemplate({ name: 'a', body: '{{> part}}', partials: { part: 'A' } });
    const b = definePdfTemplate({ name: 'b', body: '{{> part}}', partials: { part: 'B' } });
    expect(service.renderHtml(a, {}, brand)).toContain('<main>A</main>');
    expect(service.renderHtml(b, {}, brand)).toContain('<main>B</main>');
  });

  it('the report pack renders charts, score cards and missing numbers as a dash, never 0', () => {
    const t = definePdfTemplate<{ er: number | null; n: number }>({ name: 'fmt', body: '<i>{{percent er}}</i><u>{{formatNumber n}}</u>{{scoreGauge title="S" value=er}}' });
    expect(service.renderHtml(t, { er: null, n: 12345.5 }, brand)).toContain('<i>–</i><u>12,345.5</u>');
    expect(service.renderHtml(t, { er: 2.44, n: 3 }, brand)).toContain('<i>2.4 %</i><u>3</u>');
    expect(service.renderHtml(t, { er: 42, n: 3 }, brand)).toContain('class="ig-gauge-value"');
  });

  it('does not let templates reach prototype properties', () => {
    const t = definePdfTemplate<{ o: object }>({ name: 'proto', body: '[{{o.constructor.name}}][{{o.__proto__}}]' });
    expect(service.renderHtml(t, { o: {} }, brand)).toContain('<main>[][]</main>');
  });

  it('CSS strings escape everything but plain text; page sizes are a fixed list', () => {
    expect(cssString('Acme Agency, Inc.')).toBe('"Acme Agency, Inc."');
    expect(cssString('a"b\\c')).toBe('"a\\22 b\\5c c"');
    expect(cssString('😀')).toBe('"\\1f600 "');
    expect(pageCss(brand, 'Letter landscape')).toContain('size:Letter landscape;');
    expect(pageCss(brand, 'A4;} body{color:red')).toContain('size:A4;');
  });

  it('the web page (share link) has a brand bar and footer; the PDF mode leaves the footer to Chromium', () => {
    const html = service.renderHtml(SAMPLE_REPORT, sampleReportData(), { ...brand, footerText: 'Prepared by Acme' });
    expect(html).toContain('class="ig-brandbar"');
    expect(html).toContain('<footer class="ig-web-footer"><span>Prepared by Acme</span>');
    expect(html).toContain('class="ig-report ig-web"');
  });
});

describe('meta refresh', () => {
  it('is removed in every spelling, and nothing else is', () => {
    const body = `<p>keep</p><META HTTP-EQUIV="Refresh" content="0;url=http://x"><meta http-equiv='refresh' content="1"><meta http-equiv=refresh content=0><meta charset="utf-8"><meta name="refresh" content="x">`;
    expect(withoutMetaRefresh(body)).toBe('<p>keep</p><meta charset="utf-8"><meta name="refresh" content="x">');
  });
});

describe('report branding', () => {
  it('falls back field by field to the platform brand', () => {
    expect(reportBranding({})).toEqual(PLATFORM_BRANDING);
    expect(reportBranding({ name: '  Globex  ', primaryColor: '#abc' })).toEqual({ ...PLATFORM_BRANDING, name: 'Globex', primaryColor: '#abc' });
  });

  it('refuses colours and logos that could break out of CSS or an attribute, or point at a URL', () => {
    const b = reportBranding({
      name: 'X',
      primaryColor: 'red;} body{background:url(http://evil.test/)}',
      accentColor: 'url(http://evil.test)',
      logoDataUri: 'https://evil.test/logo.png',
    });
    expect(b.primaryColor).toBe(PLATFORM_BRANDING.primaryColor);
    expect(b.accentColor).toBe(PLATFORM_BRANDING.accentColor);
    expect(b.logoDataUri).toBeUndefined();
    expect(reportBranding({ logoDataUri: 'data:text/html;base64,PHNjcmlwdD4=' }).logoDataUri).toBeUndefined();
    expect(reportBranding({ logoDataUri: 'data:image/png;base64,iVBORw0KGgo="><script>' }).logoDataUri).toBeUndefined();
    expect(reportBranding({ logoDataUri: 'data:image/png;base64,iVBORw0KGgo=' }).logoDataUri).toBe('data:image/png;base64,iVBORw0KGgo=');
  });

  it('maps the tenant record: logoUrl only when it is already a data: URI', () => {
    expect(brandingFromTenant({ name: 'Acme Agency', branding: { primaryColor: '#0ea5e9', accentColor: '#f97316', logoUrl: 'https://cdn.test/x.png' } })).toEqual({
      name: 'Acme Agency',
      primaryColor: '#0ea5e9',
      accentColor: '#f97316',
      showPoweredBy: true,
    });
    expect(brandingFromTenant({ name: 'Empty', branding: null })).toMatchObject({ name: 'Empty', primaryColor: PLATFORM_BRANDING.primaryColor });
  });
});

describe('PdfService without Chromium', () => {
  it('answers 503 pdf_unavailable saying how to install it, without trying to launch', async () => {
    const error = await service.renderPdf(SAMPLE_REPORT, sampleReportData(), brand).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'pdf_unavailable', status: 503 });
    expect((error as Error).message).toContain('apt-get install chromium');
    expect((error as Error).message).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect((error as Error).message).toContain('/nonexistent/chromium');
  });
});
