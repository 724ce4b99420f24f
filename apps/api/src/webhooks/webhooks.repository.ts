import { Injectable } from '@nestjs/common';
import { sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import type { WebhookEvent } from './webhooks.dto.js';

@Injectable()
export class WebhooksRepository {
  constructor(private readonly db: TenantDb) {}

  /** Stores events for one account of the current tenant; a redelivered event is ignored. Returns how many were new. */
  async store(accountId: string, events: WebhookEvent[]): Promise<number> {
    if (!events.length) return 0;
    const rows = await this.db.query<{ id: string }>(
      sql`insert into ${tenantTable('webhook_events')} (id, account_id, field, payload, occurred_at)
       select * from unnest(${events.map((e) => e.dedupKey)}::text[], ${events.map(() => accountId)}::uuid[], ${events.map((e) => e.field)}::text[],
         ${events.map((e) => JSON.stringify(e.payload))}::jsonb[], ${events.map((e) => e.occurredAt)}::timestamptz[])
       on conflict (id) do nothing returning id`,
    );
    return rows.length;
  }
}
