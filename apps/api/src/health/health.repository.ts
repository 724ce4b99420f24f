import { Inject, Injectable, Optional } from '@nestjs/common';
import { sql } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import { JobsService } from '../core/queue/jobs.service.js';
import { REDIS_CLIENT } from '../core/rate-limit/rate-limit.module.js';
import type { Redis } from 'ioredis';

@Injectable()
export class HealthRepository {
  constructor(
    private readonly db: TenantDb,
    readonly jobs: JobsService,
    @Optional() @Inject(REDIS_CLIENT) private readonly redis?: Redis | null,
  ) {}

  async pingDatabase(): Promise<{ ok: boolean; latencyMs?: number; error?: string }> {
    const started = performance.now();
    try {
      await this.db.control.query(sql`select 1`);
      return { ok: true, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { ok: false, error: 'database unreachable' + (error instanceof Error ? `: ${error.message.split('\n')[0]}` : '') };
    }
  }

  async pingQueue(): Promise<{ ok: boolean; error?: string }> {
    if (!this.redis) return { ok: true };
    try {
      await this.redis.ping();
      return { ok: true };
    } catch {
      return { ok: false, error: 'redis unreachable' };
    }
  }
}
