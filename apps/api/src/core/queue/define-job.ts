import { z } from 'zod';
import type { JobContext, QueueName } from './job.types.js';

/**
 * One job's name, queue, payload schema and retry policy, declared once and shared by the code that
 * enqueues it (`JobsService.dispatch`) and the code that runs it (`JobRunner.handle`), so the two
 * can never disagree on the payload's shape.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  readonly queue: QueueName;
  readonly name: string;
  readonly schema: S;
  /** Tenant jobs carry `tenantId`; the runner re-enters that workspace around the handler. */
  readonly tenant: boolean;
  readonly attempts?: number;
  readonly backoffMs?: number;
}

export type JobPayload<D extends JobDefinition> = z.output<D['schema']>;
export type JobInput<D extends JobDefinition> = z.input<D['schema']>;
export type TypedJobHandler<D extends JobDefinition> = (payload: JobPayload<D>, context: JobContext) => Promise<unknown>;

export function defineJob<S extends z.ZodType>(
  queue: QueueName,
  name: string,
  schema: S,
  options: { tenant: boolean; attempts?: number; backoffMs?: number },
): JobDefinition<S> {
  return { queue, name, schema, ...options };
}

/** A job that can never succeed however often it is retried: the drivers park it at once. */
export class InvalidJobError extends Error {
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidJobError';
  }
}

/** Parses a payload against its definition; the message names the job and every bad field. */
export function parseJobPayload<D extends JobDefinition>(def: D, data: unknown): JobPayload<D> {
  const result = def.schema.safeParse(data);
  if (!result.success) throw new InvalidJobError(`Invalid payload for job ${def.queue}:${def.name}: ${z.prettifyError(result.error).replace(/\n/g, ' ')}`);
  return result.data as JobPayload<D>;
}
