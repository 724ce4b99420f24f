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

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  let h = m[1]!;
  if (h.length === 3) h = h.split('').map((c) => c + c).join('');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * The brand colour as text: darkened step by step until it reaches 4.5:1 against the lightest
 * background it is used on (a 12 % brand tint over white, as in bg-brand/10), so a pale brand
 * colour (sky, lime, …) still gives readable links and badges. Non-hex colours fall back to zinc-800.
 */
export function brandInk(color: string): string {
  const rgb = parseHex(color);
  if (!rgb) return '#27272a';
  const tint = luminance(toHex(rgb.map((c) => 255 - (255 - c) * 0.12)))!;
  for (let k = 1; k >= 0; k -= 0.04) {
    const candidate = toHex(rgb.map((c) => c * k));
    if (contrast(luminance(candidate)!, tint) >= 4.6) return candidate;
  }
  return '#000000';
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
  root.setProperty('--brand-ink', brandInk(primary));
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
