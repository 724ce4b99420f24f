import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { OBJECT_STORAGE, type ObjectStorage } from '../core/storage/storage.types.js';
import { ASSET_CACHE_CONTROL, ASSET_TYPES, type StoredBranding } from './branding.entity.js';

/** The branding row (control.tenants) and the asset objects in storage (local disk or S3). */
@Injectable()
export class BrandingRepository {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async find(tenantId: number): Promise<{ name: string; planCode: string; branding: StoredBranding } | null> {
    const rows = await this.orm.em.fork().execute<{ name: string; plan_code: string; branding: StoredBranding }[]>(
      'select name, plan_code, branding from control.tenants where id = ?',
      [tenantId],
    );
    const row = rows[0];
    return row ? { name: row.name, planCode: row.plan_code, branding: row.branding } : null;
  }

  async save(tenantId: number, branding: StoredBranding): Promise<void> {
    await this.orm.em.fork().execute('update control.tenants set branding = ?::jsonb, updated_at = now() where id = ?', [JSON.stringify(branding), tenantId]);
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
