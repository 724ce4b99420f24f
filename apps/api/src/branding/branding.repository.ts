import { Inject, Injectable } from '@nestjs/common';
import { ControlDb } from '../core/database/control-db.js';
import { controlTable, sql } from '../core/database/sql.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../core/storage/storage.types.js';
import { ASSET_CACHE_CONTROL, ASSET_TYPES, type StoredBranding } from './branding.entity.js';

/** The branding row (control.tenants) and the asset objects in storage (local disk or S3). */
@Injectable()
export class BrandingRepository {
  constructor(
    private readonly db: ControlDb,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async find(tenantId: number): Promise<{ name: string; planCode: string; branding: StoredBranding } | null> {
    const row = await this.db.one<{ name: string; plan_code: string; branding: StoredBranding }>(
      sql`select name, plan_code, branding from ${controlTable('tenants')} where id = ${tenantId}`,
    );
    return row ? { name: row.name, planCode: row.plan_code, branding: row.branding } : null;
  }

  async save(tenantId: number, branding: StoredBranding): Promise<void> {
    await this.db.execute(sql`update ${controlTable('tenants')} set branding = ${JSON.stringify(branding)}::jsonb, updated_at = now() where id = ${tenantId}`);
  }

  /** Content-addressed: writing the same bytes twice writes the same object again, harmlessly. */
  async putAsset(tenantId: number, file: string, bytes: Buffer): Promise<void> {
    await this.storage.put(assetKey(tenantId, file), bytes, { contentType: contentTypeOf(file), cacheControl: ASSET_CACHE_CONTROL });
  }

  async readAsset(tenantId: number, file: string): Promise<Buffer | null> {
    return (await this.storage.get(assetKey(tenantId, file)))?.bytes ?? null;
  }
}

/** `branding/<tenant id>/<hash>.<ext>`: the layout the local disk always had under DATA_DIR. */
export const assetKey = (tenantId: number, file: string) => `branding/${tenantId}/${file}`;
const contentTypeOf = (file: string) => ASSET_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
