import { Injectable } from '@nestjs/common';
import { ControlDb } from '../database/control-db.js';
import { controlTable, sql } from '../database/sql.js';

const settings = controlTable('system_settings');

/** The encrypted system settings rows (control schema); decrypting is the service's business. */
@Injectable()
export class SettingsRepository {
  constructor(private readonly db: ControlDb) {}

  async all(): Promise<{ key: string; valueEnc: string }[]> {
    const rows = await this.db.query<{ key: string; value_enc: string }>(sql`select key, value_enc from ${settings}`);
    return rows.map((r) => ({ key: r.key, valueEnc: r.value_enc }));
  }
}
