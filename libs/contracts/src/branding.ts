import { z } from 'zod';
import { emailSchema } from './common.js';

/** #rrggbb only: one notation the API, the PDF renderer and e-mail clients all read the same way. */
export const hexColorSchema = z.string().trim().toLowerCase().regex(/^#[0-9a-f]{6}$/, 'must be a colour like #7c3aed');

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v), 'must not contain control characters');

export const brandingAssetKinds = ['logo', 'reportLogo', 'favicon'] as const;
export const brandingAssetKindSchema = z.enum(brandingAssetKinds, { message: 'must be logo, reportLogo or favicon' });
export type BrandingAssetKind = z.infer<typeof brandingAssetKindSchema>;

/** PUT /api/branding: every field optional; null clears (an uploaded asset, the footer, …). */
export const updateBrandingSchema = z
  .object({
    name: text(80).min(2, 'must be at least 2 characters'),
    primaryColor: hexColorSchema,
    accentColor: hexColorSchema,
    emailSenderName: text(80).min(1, 'is required').nullable(),
    emailReplyTo: emailSchema.nullable(),
    reportFooter: text(300).nullable(),
    showPoweredBy: z.boolean(),
    logo: z.null(),
    reportLogo: z.null(),
    favicon: z.null(),
  })
  .partial()
  .strict();
export type UpdateBrandingInput = z.infer<typeof updateBrandingSchema>;

export const contrastWarningSchema = z.object({ fields: z.array(z.string()), ratio: z.number(), message: z.string() });

/** GET /api/branding (public on the workspace's hosts): what every branded surface reads. */
export const brandingViewSchema = z.object({
  name: z.string(),
  logoUrl: z.string().nullable(),
  reportLogoUrl: z.string().nullable(),
  faviconUrl: z.string().nullable(),
  primaryColor: z.string(),
  accentColor: z.string(),
  emailSenderName: z.string(),
  emailReplyTo: z.string().nullable(),
  reportFooter: z.string().nullable(),
  showPoweredBy: z.boolean(),
  /** Whether the plan lets this workspace hide "powered by" (the page disables the switch otherwise). */
  canHidePoweredBy: z.boolean(),
  warnings: z.array(contrastWarningSchema),
});
export type BrandingView = z.infer<typeof brandingViewSchema>;

export const brandingAssetResultSchema = z.object({ kind: brandingAssetKindSchema, url: z.string(), contentType: z.string(), width: z.number().int(), height: z.number().int(), sanitized: z.boolean(), branding: brandingViewSchema });
