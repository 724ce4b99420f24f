import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { controlTable, sql, tenantTable } from '../database/sql.js';
import { TenantContext } from '../tenancy/tenant-context.js';
import { TenantDb } from '../tenancy/tenant-db.js';

export interface AiUsageRecord {
  feature: string;
  referenceId: string | null;
  model: string;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

/** One row per generation in the workspace, and the per-day roll-up in control for the super-admin. */
@Injectable()
export class AiUsageRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly ctx: TenantContext,
  ) {}

  async record(u: AiUsageRecord): Promise<void> {
    await this.db.execute(sql`insert into ${tenantTable('ai_usage')} (id, feature, reference_id, model, prompt_tokens, completion_tokens, cost_usd)
      values (${randomUUID()}, ${u.feature}, ${u.referenceId}, ${u.model}, ${u.promptTokens}, ${u.completionTokens}, ${u.costUsd})`);
    await this.db.execute(sql`insert into ${controlTable('ai_usage_daily')} as d (tenant_id, day, feature, model, generations, prompt_tokens, completion_tokens, cost_usd)
      values (${this.ctx.tenant.id}, current_date, ${u.feature}, ${u.model}, 1, ${u.promptTokens}, ${u.completionTokens}, ${u.costUsd})
      on conflict (tenant_id, day, feature, model) do update set generations = d.generations + 1,
        prompt_tokens = d.prompt_tokens + excluded.prompt_tokens, completion_tokens = d.completion_tokens + excluded.completion_tokens,
        cost_usd = d.cost_usd + excluded.cost_usd`);
  }
}
