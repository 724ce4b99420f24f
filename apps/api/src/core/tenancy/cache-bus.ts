import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { redisOptionsFromUrl } from '../queue/redis-options.js';

type Listener = (message: string) => void;

/**
 * Cross-process invalidation for the in-memory caches (tenants by host, principals). `publish`
 * applies the message here at once and, with REDIS_URL, in every other process through one pub/sub
 * channel (two connections per process, whatever the number of caches). A message lost while Redis
 * is down is covered by each cache's bounded TTL.
 */
@Injectable()
export class CacheBus implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CacheBus');
  private readonly listeners = new Map<string, Listener[]>();
  private readonly origin = randomUUID();
  private readonly channel: string;
  private publisher: Redis | undefined;
  private subscriber: Redis | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'redisUrl' | 'redisPrefix'>) {
    this.channel = `${config.redisPrefix}:cache-invalidation`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) return;
    const options = { ...redisOptionsFromUrl(this.config.redisUrl), lazyConnect: true };
    // A publish during a Redis outage fails at once (and is logged) instead of holding the request.
    this.publisher = new Redis({ ...options, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_000 });
    this.subscriber = new Redis(options);
    let connectedBefore = false;
    this.subscriber.on('ready', () => {
      // Back after a disconnect: messages sent meanwhile are lost, so drop everything cached here.
      if (connectedBefore) for (const topic of this.listeners.keys()) this.deliver(topic, '*');
      connectedBefore = true;
    });
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel !== this.channel) return;
      const { origin, topic, message } = JSON.parse(raw) as { origin: string; topic: string; message: string };
      if (origin !== this.origin) this.deliver(topic, message);
    });
    this.subscriber.on('error', (e: Error) => this.logger.warn(`cache invalidation channel: ${e.message}`));
    this.publisher.on('error', (e: Error) => this.logger.warn(`cache invalidation channel: ${e.message}`));
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    await this.subscriber.subscribe(this.channel);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.subscriber?.quit().catch(() => undefined), this.publisher?.quit().catch(() => undefined)]);
  }

  on(topic: string, listener: Listener): void {
    this.listeners.set(topic, [...(this.listeners.get(topic) ?? []), listener]);
  }

  /** Applies here now; never throws (a failed publish is logged, the TTL bounds the staleness elsewhere). */
  async publish(topic: string, message = ''): Promise<void> {
    this.deliver(topic, message);
    if (!this.publisher) return;
    await this.publisher
      .publish(this.channel, JSON.stringify({ origin: this.origin, topic, message }))
      .catch((e: Error) => this.logger.warn(`could not publish cache invalidation: ${e.message}`));
  }

  private deliver(topic: string, message: string): void {
    for (const listener of this.listeners.get(topic) ?? []) listener(message);
  }
}
