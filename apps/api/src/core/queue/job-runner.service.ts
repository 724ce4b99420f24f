import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { TenantsRepository } from '../../control/tenants.repository.js';
import { TenantContext } from '../tenancy/tenant-context.js';
import { InvalidJobError, parseJobPayload, type JobDefinition, type TypedJobHandler } from './define-job.js';
import type { JobContext, JobData, JobHandler, JobProgressEvent, QueueName } from './job.types.js';

/**
 * The processors' registry and the one wrapper every job runs through: it re-enters the tenant
 * named by `tenantId` (so handlers use TenantContext exactly as requests do) and reports progress.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, JobHandler>();
  readonly events = new EventEmitter();

  constructor(
    private readonly tenants: TenantsRepository,
    private readonly tenantContext: TenantContext,
  ) {
    this.events.setMaxListeners(0);
  }

  register(queue: QueueName, name: string, handler: JobHandler): void {
    this.handlers.set(`${queue}:${name}`, handler);
  }

  /**
   * Typed registration: the handler gets the payload parsed by the job's schema. A payload that
   * does not parse, or a tenant job without `tenantId`, fails at once without retries.
   */
  handle<D extends JobDefinition>(def: D, handler: TypedJobHandler<D>): void {
    this.register(def.queue, def.name, async (data, context) => {
      if (def.tenant && typeof data.tenantId !== 'number') throw new InvalidJobError(`Job ${def.queue}:${def.name} is a tenant job but carries no tenantId`);
      const { tenantId: _tenantId, ...payload } = data;
      return handler(parseJobPayload(def, payload), context);
    });
  }

  emit(event: JobProgressEvent): void {
    this.events.emit('job', event);
  }

  async run(queue: QueueName, name: string, data: JobData, context: JobContext): Promise<unknown> {
    const handler = this.handlers.get(`${queue}:${name}`);
    if (!handler) throw new Error(`No handler registered for job ${queue}:${name}`);
    if (data.tenantId === undefined) return handler(data, context);
    const tenant = await this.tenants.findById(data.tenantId);
    if (!tenant) {
      this.logger.warn(`Dropping ${queue}:${name} job ${context.id}: tenant ${data.tenantId} no longer exists`);
      return undefined;
    }
    return this.tenantContext.run(tenant, () => handler(data, context));
  }
}
