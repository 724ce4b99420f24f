import { xml } from '../charts/svg.js';
import type { ReportBranding } from '../pdf.types.js';

/**
 * The page itself may load nothing but data: URIs. Request interception in the browser is the
 * real barrier; this CSP is a second one, and it protects the logged-out share page too.
 */
export const REPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'; frame-src 'none'";

export const POWERED_BY = 'Powered by InstaGrowth OS';

const CSS = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;color:#111827;font-size:11pt;line-height:1.45;background:#fff}
@page{size:A4}
.ig-web main{max-width:860px;margin:0 auto;padding:32px 24px}
h1,h2,h3{line-height:1.2;margin:0 0 .5em}
h2{font-size:18pt;color:var(--ig-ink);break-after:avoid;border-bottom:2px solid var(--ig-accent);padding-bottom:4px;margin-top:.4em}
h3{font-size:12.5pt;break-after:avoid}
p{margin:.3em 0 .7em}
.ig-page-break{break-after:page;height:0}
.ig-web .ig-page-break{height:24px}
.ig-brandbar{display:flex;align-items:center;gap:10px;padding:12px 24px;background:var(--ig-ink);color:#fff;font-weight:600}
.ig-brandbar img{height:28px;max-width:160px;object-fit:contain;background:#fff;border-radius:4px;padding:2px}
.ig-cover{min-height:245mm;display:flex;flex-direction:column;justify-content:space-between;padding:8mm 0;border-left:10px solid var(--ig-primary);padding-left:12mm}
.ig-web .ig-cover{min-height:0;gap:40px;padding:24px}
.ig-cover-brand{display:flex;align-items:center;gap:14px;font-size:16pt;font-weight:700;color:var(--ig-ink)}
.ig-logo{max-height:64px;max-width:220px;object-fit:contain}
.ig-cover h1{font-size:34pt;color:#111827}
.ig-kicker{text-transform:uppercase;letter-spacing:.12em;color:var(--ig-ink);font-weight:700;font-size:10pt}
.ig-subtitle{font-size:15pt;color:#374151}
.ig-cover-meta{display:flex;gap:32px;margin:0}
.ig-cover-meta dt{font-size:9pt;color:#6b7280;text-transform:uppercase;letter-spacing:.08em}
.ig-cover-meta dd{margin:0;font-weight:600}
.ig-section{margin-bottom:18px}
.ig-lead{color:#374151;font-size:11.5pt}
.ig-score-cards{display:grid;grid-template-columns:repeat(3,1fr);gap:10px;margin:10px 0}
.ig-card{border:1px solid #e5e7eb;border-radius:10px;padding:10px;text-align:center;break-inside:avoid}
.ig-card svg{max-width:100%;height:auto}
.ig-card-detail{font-size:9pt;color:#4b5563;text-align:left}
.ig-delta{font-size:9pt;color:#374151;margin:0}
.ig-chart{max-width:100%;height:auto;display:block;margin:8px 0;break-inside:avoid}
.ig-table{width:100%;border-collapse:collapse;margin:10px 0;font-size:10pt}
.ig-table caption{text-align:left;font-weight:600;padding-bottom:4px}
.ig-table th{background:var(--ig-ink);color:#fff;text-align:left;padding:6px 8px;font-weight:600}
.ig-table td{padding:5px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top}
.ig-table tr{break-inside:avoid}
.ig-table .num{text-align:right;font-variant-numeric:tabular-nums}
.ig-table .ig-empty{color:#6b7280;text-align:center}
.ig-callout{border-left:4px solid var(--ig-primary);background:#f5f3ff;padding:8px 12px;margin:10px 0;border-radius:0 8px 8px 0;break-inside:avoid}
.ig-callout-success{border-color:#16a34a;background:#f0fdf4}
.ig-callout-warning{border-color:#d97706;background:#fffbeb}
.ig-callout-danger{border-color:#dc2626;background:#fef2f2}
.ig-callout-title{font-weight:700;margin:0 0 4px}
.ig-checklist ul{list-style:none;padding:0;margin:6px 0 12px}
.ig-checklist li{display:flex;gap:8px;padding:4px 0;break-inside:avoid}
.ig-box{flex:none;width:14px;height:14px;border:1.5px solid var(--ig-primary);border-radius:3px;font-size:10px;line-height:12px;text-align:center;margin-top:3px;color:var(--ig-ink)}
.ig-item-detail{display:block;color:#6b7280;font-size:9.5pt}
.ig-web-footer{max-width:860px;margin:0 auto;padding:16px 24px 32px;color:#6b7280;font-size:9pt;display:flex;justify-content:space-between;border-top:1px solid #e5e7eb}
`;

export interface LayoutInput {
  title: string;
  body: string;
  branding: ReportBranding;
  /** `pdf`: footer and page numbers in the page margin (CSS margin boxes); `web`: a brand bar and a footer in the page (share page). */
  mode: 'pdf' | 'web';
  /** CSS page size for `pdf` mode, e.g. `A4` or `Letter landscape`. */
  pageSize?: string;
}

/** The HTML document around a rendered body. Our own code, so every value is escaped here by hand. */
export function renderLayout({ title, body, branding, mode, pageSize = 'A4' }: LayoutInput): string {
  const b = branding;
  const brandbar =
    mode === 'web'
      ? `<header class="ig-brandbar">${b.logoDataUri ? `<img src="${xml(b.logoDataUri)}" alt="">` : ''}<span>${xml(b.name)}</span></header>`
      : '';
  const footer =
    mode === 'web'
      ? `<footer class="ig-web-footer"><span>${xml(b.footerText ?? b.name)}</span>${b.showPoweredBy ? `<span>${POWERED_BY}</span>` : ''}</footer>`
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${xml(title)}</title>
<style>:root{--ig-primary:${b.primaryColor};--ig-accent:${b.accentColor};--ig-ink:${readableOnWhite(b.primaryColor)}}${CSS}${mode === 'pdf' ? pageCss(b, pageSize) : ''}</style>
</head><body class="ig-report ig-${mode}">${brandbar}<main>${body}</main>${footer}</body></html>`;
}

const MARGIN_BOX = 'font:8px system-ui,sans-serif;color:#6b7280';

/**
 * Every PDF page's footer, drawn by CSS page-margin boxes (cheaper than Chromium's footerTemplate,
 * which lays out a separate document per page): the footer text (or the workspace name),
 * "powered by" unless hidden, and "Page n of N".
 */
export function pageCss(b: ReportBranding, pageSize = 'A4'): string {
  const size = /^(A4|A3|A5|Letter|Legal)( landscape)?$/.test(pageSize) ? pageSize : 'A4';
  const right = `${b.showPoweredBy ? cssString(`${POWERED_BY} · `) + ' ' : ''}"Page " counter(page) " of " counter(pages)`;
  return `@page{size:${size};margin:14mm 14mm 18mm;@bottom-left{content:${cssString(b.footerText ?? b.name)};${MARGIN_BOX}}@bottom-right{content:${right};${MARGIN_BOX}}}`;
}

/**
 * A CSS string literal for any text: everything but plain letters, digits and a few safe
 * punctuation marks becomes a hex escape, so no quote, backslash, newline or `</style>` survives.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) out += /[A-Za-z0-9 .,@#:_-]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  return `${out}"`;
}

/**
 * The brand colour darkened until white text on it, and it as text on white, reach 4.5:1
 * (WCAG 1.4.3): a light brand colour (sky blue) would otherwise make headings and table heads unreadable.
 */
export function readableOnWhite(hex: string): string {
  const full = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
  let [r, g, b] = [1, 3, 5].map((i) => parseInt(full.slice(i, i + 2), 16));
  const channel = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const contrast = () => 1.05 / (0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b) + 0.05);
  for (let i = 0; i < 40 && contrast() < 4.5; i++) [r, g, b] = [r, g, b].map((c) => Math.floor(c * 0.92));
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
