/**
 * Branding lives in `control.tenants.branding` (jsonb), next to the registry row the host
 * resolver already loads: the login page and /api/context need it before anyone signs in.
 * Assets are files named by their content hash; the row stores only those names.
 */
export interface StoredBranding {
  primaryColor: string;
  accentColor: string;
  /** Kept equal to the logo's URL so older readers (/api/context) show it too. */
  logoUrl: string | null;
  displayName?: string;
  logo?: string | null;
  reportLogo?: string | null;
  favicon?: string | null;
  emailSenderName?: string | null;
  emailReplyTo?: string | null;
  reportFooter?: string | null;
  showPoweredBy?: boolean;
}

export const ASSET_URL_PREFIX = '/api/branding/assets/';
export const assetUrl = (file: string | null | undefined) => (file ? `${ASSET_URL_PREFIX}${file}` : null);
/** `<20 hex>.<ext>`: the only names the asset route will open. */
export const ASSET_FILE = /^[0-9a-f]{20}\.(png|jpg|svg)$/;
/** Named by content hash, so an asset never changes: browsers and CDNs may keep it for a year. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const ASSET_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', svg: 'image/svg+xml' };
