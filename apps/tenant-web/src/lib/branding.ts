import type { Branding } from './types';

export const DEFAULT_BRANDING: Branding = { primaryColor: '#6d28d9', accentColor: '#db2777', logoUrl: null };

function isColor(value: string | null | undefined): value is string {
  if (!value) return false;
  if (typeof CSS !== 'undefined' && typeof CSS.supports === 'function') return CSS.supports('color', value);
  return /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value);
}

/** Relative luminance of a #rgb / #rrggbb colour, or null for other notations. */
function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  let h = m[1]!;
  if (h.length === 3) h = h.split('').map((c) => c + c).join('');
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** White or near-black text, whichever reads better on the brand colour. */
export function readableForeground(color: string): string {
  const l = luminance(color);
  if (l === null) return '#ffffff';
  const contrastWhite = 1.05 / (l + 0.05);
  const contrastDark = (l + 0.05) / (0.0437 + 0.05); // #18181b
  return contrastWhite >= contrastDark ? '#ffffff' : '#18181b';
}

/** Tenant branding arrives as CSS variables; every brand utility (bg-brand, …) reads them. */
export function applyBranding(branding: Branding | undefined): void {
  const primary = isColor(branding?.primaryColor) ? branding.primaryColor : DEFAULT_BRANDING.primaryColor;
  const accent = isColor(branding?.accentColor) ? branding.accentColor : DEFAULT_BRANDING.accentColor;
  const root = document.documentElement.style;
  root.setProperty('--brand-primary', primary);
  root.setProperty('--brand-accent', accent);
  root.setProperty('--brand-primary-foreground', readableForeground(primary));
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', primary);
}

/** The root app address when /api/context answered with an error (and no appUrl): drop the first host label. */
export function guessRootUrl(): string {
  const { protocol, hostname, port } = window.location;
  const labels = hostname.split('.');
  const parent = labels.length > 1 ? labels.slice(1).join('.') : hostname;
  return `${protocol}//${parent}${port ? `:${port}` : ''}/`;
}

/** https://app.example.com + acme → https://acme.app.example.com */
export function workspaceUrl(appUrl: string, slug: string): string {
  try {
    const url = new URL(appUrl);
    url.hostname = `${slug}.${url.hostname}`;
    return url.origin;
  } catch {
    return `//${slug}.${window.location.host}`;
  }
}
