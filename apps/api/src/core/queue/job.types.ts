export const QUEUE_NAMES = ['sync', 'ai', 'pdf', 'mail', 'publish', 'billing'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Jobs that touch a workspace carry its id; the runner re-enters that tenant around the handler. */
export interface JobData {
  tenantId?: number;
  [key: string]: unknown;
}

export interface JobOptions {
  /** Idempotency: a second job with the same id while the first exists is dropped. */
  jobId?: string;
  attempts?: number;
  backoffMs?: number;
  delayMs?: number;
}

export interface JobContext {
  id: string;
  attempt: number;
  progress(percent: number, step: string): Promise<void>;
}

export type JobHandler = (data: JobData, context: JobContext) => Promise<unknown>;

export interface JobProgressEvent {
  queue: QueueName;
  name: string;
  jobId: string;
  state: 'active' | 'progress' | 'completed' | 'failed' | 'retrying';
  percent?: number;
  step?: string;
  error?: string;
  tenantId?: number;
}

/** A queue backend: BullMQ on Redis, or the in-process driver. */
export interface QueueDriver {
  enqueue(queue: QueueName, name: string, data: JobData, options: JobOptions): Promise<string>;
  /** Jobs per state for each queue (the console's queue depth and failures). */
  counts(): Promise<QueueCounts[]>;
  close(): Promise<void>;
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1_000;

export interface QueueCounts {
  queue: QueueName;
  waiting: number;
  active: number;
  delayed: number;
  /** BullMQ keeps failed jobs 7 days; the in-process driver counts failures since the process started. */
  failed: number;
}
