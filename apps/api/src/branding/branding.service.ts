import { Injectable } from '@nestjs/common';
import type { BrandingAssetKind, BrandingView, UpdateBrandingInput } from '@instagrowth/contracts';
import type { Tenant } from '../control/control.entity.js';
import { notFound } from '../core/errors/domain-error.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { TenantResolver } from '../core/tenancy/tenant-resolver.service.js';
import { assetUrl, ASSET_FILE, ASSET_TYPES, type StoredBranding } from './branding.entity.js';
import { BrandingRepository } from './branding.repository.js';
import { contrastWarnings } from './contrast.js';
import { checkImage } from './image-check.js';
import { WhiteLabelLimits } from './white-label-limits.js';

export const PLATFORM_NAME = 'InstaGrowth OS';

/** What the PDF renderer reads (its input contract). */
export interface PdfBranding {
  name: string;
  logoDataUri?: string;
  primaryColor: string;
  accentColor: string;
  footerText?: string;
  showPoweredBy: boolean;
}

type BrandedTenant = Pick<Tenant, 'id' | 'name' | 'planCode'> & { branding: StoredBranding | Tenant['branding'] };

/** Plans that cannot hide "powered by" always show it, whatever the stored flag says. */
function effectiveShowPoweredBy(limits: WhiteLabelLimits, b: StoredBranding, planCode: string): boolean {
  return b.showPoweredBy === false && limits.has('removePoweredBy', planCode) ? false : true;
}

export function viewOf(name: string, planCode: string, b: StoredBranding, limits: WhiteLabelLimits): BrandingView {
  return {
    name: b.displayName ?? name,
    logoUrl: assetUrl(b.logo) ?? b.logoUrl ?? null,
    reportLogoUrl: assetUrl(b.reportLogo) ?? assetUrl(b.logo) ?? null,
    faviconUrl: assetUrl(b.favicon),
    primaryColor: b.primaryColor,
    accentColor: b.accentColor,
    emailSenderName: b.emailSenderName ?? b.displayName ?? name,
    emailReplyTo: b.emailReplyTo ?? null,
    reportFooter: b.reportFooter ?? null,
    showPoweredBy: effectiveShowPoweredBy(limits, b, planCode),
    canHidePoweredBy: limits.has('removePoweredBy', planCode),
    warnings: /^#[0-9a-f]{6}$/.test(b.primaryColor) && /^#[0-9a-f]{6}$/.test(b.accentColor) ? contrastWarnings(b.primaryColor, b.accentColor) : [],
  };
}

/**
 * The PDF renderer's branding input for a tenant: the report logo (else the logo) inlined as a
 * data URI, read from our own storage — never fetched from a URL.
 */
export async function brandingForPdf(tenant: BrandedTenant, assets: Pick<BrandingRepository, 'readAsset'>, limits: Pick<WhiteLabelLimits, 'has'>): Promise<PdfBranding> {
  const b = tenant.branding as StoredBranding;
  const file = b.reportLogo ?? b.logo ?? null;
  const bytes = file && ASSET_FILE.test(file) ? await assets.readAsset(tenant.id, file) : null;
  const ext = file?.split('.').pop() ?? '';
  return {
    name: b.displayName ?? tenant.name,
    ...(bytes ? { logoDataUri: `data:${ASSET_TYPES[ext]};base64,${bytes.toString('base64')}` } : {}),
    primaryColor: b.primaryColor,
    accentColor: b.accentColor,
    ...(b.reportFooter ? { footerText: b.reportFooter } : {}),
    showPoweredBy: b.showPoweredBy === false && limits.has('removePoweredBy', tenant.planCode) ? false : true,
  };
}

@Injectable()
export class BrandingService {
  constructor(
    private readonly repo: BrandingRepository,
    private readonly ctx: TenantContext,
    private readonly limits: WhiteLabelLimits,
    private readonly resolver: TenantResolver,
  ) {}

  private async load() {
    const row = await this.repo.find(this.ctx.tenant.id);
    if (!row) throw notFound('Workspace');
    return row;
  }

  async get(): Promise<BrandingView> {
    const row = await this.load();
    return viewOf(row.name, row.planCode, row.branding, this.limits);
  }

  async update(input: UpdateBrandingInput): Promise<BrandingView> {
    this.limits.assertFeature('whiteLabel');
    if (input.showPoweredBy === false) this.limits.assertFeature('removePoweredBy');
    const row = await this.load();
    const next: StoredBranding = { ...row.branding };
    if (input.name !== undefined) next.displayName = input.name;
    if (input.primaryColor !== undefined) next.primaryColor = input.primaryColor;
    if (input.accentColor !== undefined) next.accentColor = input.accentColor;
    if (input.emailSenderName !== undefined) next.emailSenderName = input.emailSenderName;
    if (input.emailReplyTo !== undefined) next.emailReplyTo = input.emailReplyTo;
    if (input.reportFooter !== undefined) next.reportFooter = input.reportFooter;
    if (input.showPoweredBy !== undefined) next.showPoweredBy = input.showPoweredBy;
    for (const kind of ['logo', 'reportLogo', 'favicon'] as const) if (input[kind] === null) next[kind] = null;
    next.logoUrl = assetUrl(next.logo);
    await this.repo.save(this.ctx.tenant.id, next);
    await this.resolver.invalidate();
    return viewOf(row.name, row.planCode, next, this.limits);
  }

  async upload(kind: BrandingAssetKind, bytes: Buffer) {
    this.limits.assertFeature('whiteLabel');
    const image = checkImage(kind, bytes);
    const file = `${image.hash}.${image.ext}`;
    await this.repo.putAsset(this.ctx.tenant.id, file, image.bytes);
    const row = await this.load();
    const next: StoredBranding = { ...row.branding, [kind]: file };
    next.logoUrl = assetUrl(next.logo);
    await this.repo.save(this.ctx.tenant.id, next);
    await this.resolver.invalidate();
    return { kind, url: assetUrl(file)!, contentType: image.contentType, width: image.width, height: image.height, sanitized: image.sanitized, branding: viewOf(row.name, row.planCode, next, this.limits) };
  }

  async asset(file: string): Promise<{ bytes: Buffer; contentType: string }> {
    if (!ASSET_FILE.test(file)) throw notFound('Asset');
    const bytes = await this.repo.readAsset(this.ctx.tenant.id, file);
    if (!bytes) throw notFound('Asset');
    return { bytes, contentType: ASSET_TYPES[file.split('.').pop()!]! };
  }

  /** For the PDF work: this workspace's branding in the renderer's shape. */
  forPdf(tenant: BrandedTenant = this.ctx.tenant): Promise<PdfBranding> {
    return brandingForPdf(tenant, this.repo, this.limits);
  }
}
