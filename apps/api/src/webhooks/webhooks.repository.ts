import { Injectable } from '@nestjs/common';
import { quoteSchema } from '../core/database/schema-name.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import type { WebhookEvent } from './webhooks.dto.js';

@Injectable()
export class WebhooksRepository {
  constructor(private readonly ctx: TenantContext) {}

  /** Stores events for one account of the current tenant; a redelivered event is ignored. Returns how many were new. */
  async store(accountId: string, events: WebhookEvent[]): Promise<number> {
    if (!events.length) return 0;
    const rows = await this.ctx.query<{ id: string }>(
      `insert into ${quoteSchema(this.ctx.tenant.schemaName)}.webhook_events (id, account_id, field, payload, occurred_at)
       select * from unnest($1::text[], $2::uuid[], $3::text[], $4::jsonb[], $5::timestamptz[])
       on conflict (id) do nothing returning id`,
      [events.map((e) => e.dedupKey), events.map(() => accountId), events.map((e) => e.field), events.map((e) => JSON.stringify(e.payload)), events.map((e) => e.occurredAt)],
    );
    return rows.length;
  }
}
