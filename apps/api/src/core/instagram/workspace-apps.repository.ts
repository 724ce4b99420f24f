import { Injectable } from '@nestjs/common';
import { ControlDb } from '../database/control-db.js';
import { controlTable, sql } from '../database/sql.js';

const apps = controlTable('instagram_apps');

/** A workspace's own Instagram app as stored (the secret still sealed). */
export interface StoredWorkspaceApp {
  tenantId: number;
  appId: string;
  secretEnc: string;
  secretLast4: string;
  webhookVerifyToken: string;
  updatedAt: Date;
}

interface Row {
  tenantId: number;
  appId: string;
  secretEnc: string;
  secretLast4: string;
  webhookVerifyToken: string;
  updatedAt: Date | string;
}

const toApp = (row: Row): StoredWorkspaceApp => ({ ...row, updatedAt: new Date(row.updatedAt) });
const COLUMNS = sql`tenant_id as "tenantId", app_id as "appId", secret_enc as "secretEnc", secret_last4 as "secretLast4",
  webhook_verify_token as "webhookVerifyToken", updated_at as "updatedAt"`;

/** control.instagram_apps: read by workspace (connect, sync) and by app id (webhooks on the root host). */
@Injectable()
export class WorkspaceAppsRepository {
  constructor(private readonly db: ControlDb) {}

  async findByTenant(tenantId: number): Promise<StoredWorkspaceApp | null> {
    const row = await this.db.one<Row>(sql`select ${COLUMNS} from ${apps} where tenant_id = ${tenantId}`);
    return row ? toApp(row) : null;
  }

  /** Several workspaces may enter the same app (one agency, two workspaces): every one is returned. */
  async findByAppId(appId: string): Promise<StoredWorkspaceApp[]> {
    return (await this.db.query<Row>(sql`select ${COLUMNS} from ${apps} where app_id = ${appId} order by tenant_id`)).map(toApp);
  }

  async upsert(app: Omit<StoredWorkspaceApp, 'updatedAt'>): Promise<StoredWorkspaceApp> {
    const row = await this.db.one<Row>(sql`insert into ${apps} (tenant_id, app_id, secret_enc, secret_last4, webhook_verify_token)
      values (${app.tenantId}, ${app.appId}, ${app.secretEnc}, ${app.secretLast4}, ${app.webhookVerifyToken})
      on conflict (tenant_id) do update set app_id = excluded.app_id, secret_enc = excluded.secret_enc,
        secret_last4 = excluded.secret_last4, webhook_verify_token = excluded.webhook_verify_token, updated_at = now()
      returning ${COLUMNS}`);
    return toApp(row!);
  }

  async delete(tenantId: number): Promise<void> {
    await this.db.execute(sql`delete from ${apps} where tenant_id = ${tenantId}`);
  }
}
