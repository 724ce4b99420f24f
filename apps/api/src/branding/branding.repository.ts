import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import type { StoredBranding } from './branding.entity.js';

/** The branding row (control.tenants) and the asset files on local disk under DATA_DIR. */
@Injectable()
export class BrandingRepository {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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

  private dir(tenantId: number): string {
    return join(assetRoot(this.config.dataDir), String(tenantId));
  }

  /** Content-addressed: writing the same bytes twice is a no-op; a temp file + rename never leaves half a file. */
  async putAsset(tenantId: number, file: string, bytes: Buffer): Promise<void> {
    const dir = this.dir(tenantId);
    await mkdir(dir, { recursive: true });
    const tmp = join(dir, `.${file}.${process.pid}.tmp`);
    await writeFile(tmp, bytes);
    await rename(tmp, join(dir, file));
  }

  async readAsset(tenantId: number, file: string): Promise<Buffer | null> {
    return readAssetFile(this.config.dataDir, tenantId, file);
  }
}

export const assetRoot = (dataDir: string) => join(dataDir, 'branding');

export async function readAssetFile(dataDir: string, tenantId: number, file: string): Promise<Buffer | null> {
  try {
    return await readFile(join(assetRoot(dataDir), String(tenantId), file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
