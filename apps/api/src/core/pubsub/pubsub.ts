import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisOptionsFromUrl } from '../queue/redis-options.js';

export type PubSubHandler = (message: unknown) => void;

/**
 * Fire-and-forget messages between processes: Redis pub/sub when REDIS_URL is set (every API and
 * worker process on the same prefix hears every message, its own included), an in-process emitter
 * on the embedded default. Messages are JSON; a handler that throws never stops the others.
 */
export interface PubSub {
  publish(channel: string, message: unknown): Promise<void>;
  /** Returns an unsubscribe function. */
  subscribe(channel: string, handler: PubSubHandler): () => void;
  /** Resolves once every channel subscribed so far is live (a message published after it is heard). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export const PUBSUB = Symbol('PUBSUB');

export class InProcessPubSub implements PubSub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, message: unknown): Promise<void> {
    // Same semantics as Redis: asynchronous, and the payload is a copy.
    const copy = JSON.parse(JSON.stringify(message)) as unknown;
    setImmediate(() => this.emitter.emit(channel, copy));
  }

  subscribe(channel: string, handler: PubSubHandler): () => void {
    const safe = (m: unknown) => runSafely(handler, m);
    this.emitter.on(channel, safe);
    return () => this.emitter.off(channel, safe);
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

export class RedisPubSub implements PubSub {
  private readonly logger = new Logger('PubSub');
  private readonly publisher: Redis;
  // A connection in subscriber mode can do nothing else, so it is a second one.
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, Set<PubSubHandler>>();
  /** SUBSCRIBE commands not yet confirmed by Redis. */
  private readonly pending = new Set<Promise<void>>();
  private closed = false;

  constructor(url: string, private readonly prefix: string) {
    this.publisher = new Redis({ ...redisOptionsFromUrl(url), maxRetriesPerRequest: 2 });
    // A subscription waits for Redis however long it is away (no retry limit): with a limit, a
    // SUBSCRIBE queued while Redis was unreachable failed for good and the channel stayed deaf
    // until a restart. Once confirmed, ioredis subscribes again by itself after a reconnect.
    this.subscriber = new Redis({ ...redisOptionsFromUrl(url), maxRetriesPerRequest: null });
    for (const r of [this.publisher, this.subscriber]) r.on('error', (e: Error) => this.logger.warn(`Redis: ${e.message}`));
    this.subscriber.on('message', (channel: string, raw: string) => {
      const set = this.handlers.get(channel.slice(this.prefix.length + 1));
      if (!set) return;
      let message: unknown;
      try {
        message = JSON.parse(raw);
      } catch {
        return;
      }
      for (const h of set) runSafely(h, message);
    });
  }

  private key(channel: string) {
    return `${this.prefix}:${channel}`;
  }

  async publish(channel: string, message: unknown): Promise<void> {
    await this.publisher.publish(this.key(channel), JSON.stringify(message));
  }

  subscribe(channel: string, handler: PubSubHandler): () => void {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      this.listen(channel);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  /** SUBSCRIBE, tried again (after a warning) until it succeeds or the bus closes. */
  private listen(channel: string): void {
    const attempt: Promise<void> = this.subscriber.subscribe(this.key(channel)).then(
      () => undefined,
      async (e: Error) => {
        if (this.closed) return;
        this.logger.warn(`subscribe ${channel}: ${e.message}; trying again`);
        await new Promise((r) => setTimeout(r, 1000).unref());
        if (!this.closed) this.listen(channel);
      },
    );
    this.pending.add(attempt);
    void attempt.finally(() => this.pending.delete(attempt));
  }

  async ready(): Promise<void> {
    while (this.pending.size > 0 && !this.closed) await Promise.all([...this.pending]);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
    await Promise.all([this.publisher.quit().catch(() => undefined), this.subscriber.quit().catch(() => undefined)]);
  }
}

function runSafely(handler: PubSubHandler, message: unknown) {
  try {
    handler(message);
  } catch (error) {
    new Logger('PubSub').warn(`handler failed: ${String(error)}`);
  }
}
