import type { ReportBranding } from './pdf.types.js';

/** The platform's own brand, used for whatever a workspace has not set. */
export const PLATFORM_BRANDING: ReportBranding = {
  name: 'InstaGrowth OS',
  primaryColor: '#6d28d9',
  accentColor: '#db2777',
  showPoweredBy: true,
};

const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
// Raster images and SVG, base64 only: anything else could smuggle a URL or break out of the attribute.
const LOGO = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;
const MAX_LOGO_CHARS = 2_000_000;

/**
 * Builds the report branding from whatever the workspace has, falling back field by field to the
 * platform's. Colours and the logo are checked here because they end up inside CSS and an
 * attribute, where HTML escaping alone would not stop `red;} body{…}`.
 */
export function reportBranding(input: Partial<ReportBranding> & { name?: string | null; logoDataUri?: string | null; footerText?: string | null }): ReportBranding {
  const logo = input.logoDataUri && input.logoDataUri.length <= MAX_LOGO_CHARS && LOGO.test(input.logoDataUri) ? input.logoDataUri : undefined;
  const footer = input.footerText?.trim();
  return {
    name: input.name?.trim() || PLATFORM_BRANDING.name,
    ...(logo ? { logoDataUri: logo } : {}),
    primaryColor: input.primaryColor && COLOR.test(input.primaryColor) ? input.primaryColor : PLATFORM_BRANDING.primaryColor,
    accentColor: input.accentColor && COLOR.test(input.accentColor) ? input.accentColor : PLATFORM_BRANDING.accentColor,
    ...(footer ? { footerText: footer.slice(0, 300) } : {}),
    showPoweredBy: input.showPoweredBy !== false,
  };
}

/**
 * Today's tenant record (`control.tenants`: name + `branding` { primaryColor, accentColor, logoUrl })
 * as report branding. `logoUrl` is used only when it already is a data: URI; the renderer fetches nothing.
 */
export function brandingFromTenant(tenant: { name: string; branding?: { primaryColor?: string; accentColor?: string; logoUrl?: string | null } | null }): ReportBranding {
  const b = tenant.branding ?? {};
  return reportBranding({ name: tenant.name, primaryColor: b.primaryColor, accentColor: b.accentColor, logoDataUri: b.logoUrl ?? undefined });
}
