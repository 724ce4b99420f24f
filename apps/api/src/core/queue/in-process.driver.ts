import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { JobRunner } from './job-runner.service.js';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, QUEUE_NAMES, type JobData, type JobOptions, type QueueCounts, type QueueDriver, type QueueName } from './job.types.js';

/**
 * The embedded default without Redis: the same processors, asynchronous (never inside the
 * caller's request), with retries, exponential backoff, idempotent job ids and progress events.
 */
export class InProcessQueueDriver implements QueueDriver {
  private readonly logger = new Logger('InProcessQueue');
  private readonly live = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly runner: JobRunner, private readonly concurrency = 4) {}

  private active = 0;
  /** Per queue: jobs enqueued and not finished, jobs running, failures since start. */
  private readonly stats = new Map<QueueName, { pending: number; running: number; failed: number }>(QUEUE_NAMES.map((q) => [q, { pending: 0, running: 0, failed: 0 }]));
  private readonly waiting: (() => void)[] = [];

  async enqueue(queue: QueueName, name: string, data: JobData, options: JobOptions): Promise<string> {
    if (this.closed) throw new Error('Queue is shut down');
    const id = options.jobId ?? randomUUID();
    if (this.live.has(`${queue}:${id}`)) return id;
    this.live.add(`${queue}:${id}`);
    const stats = this.stats.get(queue)!;
    stats.pending++;
    const task = this.execute(queue, name, data, id, options).finally(() => {
      stats.pending--;
      this.live.delete(`${queue}:${id}`);
      this.running.delete(task);
    });
    this.running.add(task);
    return id;
  }

  private async execute(queue: QueueName, name: string, data: JobData, id: string, options: JobOptions): Promise<void> {
    await new Promise((r) => setTimeout(r, options.delayMs ?? 0));
    const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
    const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await this.slot();
      const stats = this.stats.get(queue)!;
      stats.running++;
      try {
        this.runner.emit({ queue, name, jobId: id, state: 'active', tenantId: data.tenantId });
        await this.runner.run(queue, name, data, {
          id,
          attempt,
          progress: async (percent, step) => this.runner.emit({ queue, name, jobId: id, state: 'progress', percent, step, tenantId: data.tenantId }),
        });
        this.runner.emit({ queue, name, jobId: id, state: 'completed', percent: 100, tenantId: data.tenantId });
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const last = attempt === attempts || (error as { retryable?: boolean }).retryable === false;
        this.runner.emit({ queue, name, jobId: id, state: last ? 'failed' : 'retrying', error: message, tenantId: data.tenantId });
        if (last) {
          stats.failed++;
          this.logger.warn(`${queue}:${name} job ${id} failed after ${attempt} attempt(s): ${message}`);
          return;
        }
      } finally {
        stats.running--;
        this.release();
      }
      await new Promise((r) => setTimeout(r, backoff * 2 ** (attempt - 1)));
    }
  }

  private async slot(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.();
  }

  async counts(): Promise<QueueCounts[]> {
    return [...this.stats].map(([queue, s]) => ({ queue, waiting: Math.max(0, s.pending - s.running), active: s.running, delayed: 0, failed: s.failed }));
  }

  /** Graceful shutdown: wait for what is running. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.running]);
  }
}
