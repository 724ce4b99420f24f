import type { HelperDelegate, TemplateDelegate } from 'handlebars';

/**
 * What a report shows of its workspace's brand. The white-label work extends this type (report
 * logo, …); keep new fields optional so every caller keeps compiling.
 */
export interface ReportBranding {
  name: string;
  /** Only `data:image/…;base64,` URIs are used: the renderer never fetches a URL. */
  logoDataUri?: string;
  /** `#rgb` or `#rrggbb`; anything else falls back to the platform's colour. */
  primaryColor: string;
  accentColor: string;
  footerText?: string;
  showPoweredBy: boolean;
}

/** What a feature hands to `definePdfTemplate`: its body template, its own partials and helpers. */
export interface PdfTemplateSource<T> {
  /** Stable id, used in errors and logs (`audit-report`). */
  name: string;
  /** Handlebars source of the document body; the shared layout wraps it. */
  body: string;
  /** Extra partials, usable as `{{> name}}` from `body` (next to the shared report pack). */
  partials?: Record<string, string>;
  /** Extra helpers; they must escape what they return unless they return a `SafeString` they built. */
  helpers?: Record<string, HelperDelegate>;
  /** The document `<title>` (also the PDF's title metadata). Default: `<workspace name> report`. */
  title?: (data: T, branding: ReportBranding) => string;
}

/** A compiled template; build one once per feature with `definePdfTemplate` (module scope). */
export interface PdfTemplate<T> {
  readonly name: string;
  readonly body: TemplateDelegate<T>;
  readonly title: (data: T, branding: ReportBranding) => string;
}

export interface PdfRenderOptions {
  /** Paper format; A4 unless a feature really needs Letter. */
  format?: 'A4' | 'Letter';
  landscape?: boolean;
}
