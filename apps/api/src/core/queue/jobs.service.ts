import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { TenantContext } from '../tenancy/tenant-context.js';
import { parseJobPayload, type JobDefinition, type JobInput } from './define-job.js';
import type { JobData, JobOptions, QueueDriver, QueueName } from './job.types.js';

export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');

export interface DispatchOptions {
  /** Idempotency: a second job with the same id while the first exists is dropped. */
  jobId?: string;
  delayMs?: number;
  /** Tenant jobs only; defaults to the workspace of the current request or job. */
  tenantId?: number;
}

/** What services call to start background work. `@nestjs/schedule` tasks only enqueue through here. */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  constructor(
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    private readonly tenantContext: TenantContext,
  ) {}

  /** Typed enqueue: the payload is checked against the job's schema before anything is queued. */
  dispatch<D extends JobDefinition>(def: D, payload: JobInput<D>, options: DispatchOptions = {}): Promise<string> {
    parseJobPayload(def, payload);
    const data: JobData = { ...(payload as Record<string, unknown>) };
    delete data.tenantId;
    if (def.tenant) {
      const tenantId = options.tenantId ?? (this.tenantContext.active ? this.tenantContext.tenant.id : undefined);
      if (tenantId === undefined) throw new Error(`Job ${def.queue}:${def.name} is a tenant job: dispatch it inside a workspace or pass tenantId.`);
      data.tenantId = tenantId;
    }
    return this.driver.enqueue(def.queue, def.name, data, {
      jobId: options.jobId,
      delayMs: options.delayMs,
      attempts: def.attempts,
      backoffMs: def.backoffMs,
    });
  }

  /** @deprecated Untyped; declare the job with `defineJob` and use `dispatch` (payload checked, tenantId filled in). */
  enqueue(queue: QueueName, name: string, data: JobData, options: JobOptions = {}): Promise<string> {
    return this.driver.enqueue(queue, name, data, options);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}
