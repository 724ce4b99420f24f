import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { InProcessPubSub, PUBSUB, RedisPubSub, type PubSub } from './pubsub.js';

@Injectable()
class PubSubLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PUBSUB) private readonly pubsub: PubSub) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pubsub.close();
  }
}

/** Cross-process messages (settings invalidation, live activity): Redis when configured, else in-process. */
@Global()
@Module({})
export class PubSubModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PubSubModule,
      providers: [
        { provide: PUBSUB, useFactory: (): PubSub => (config.redisUrl ? new RedisPubSub(config.redisUrl, `${config.redisPrefix}:ps`) : new InProcessPubSub()) },
        PubSubLifecycle,
      ],
      exports: [PUBSUB],
    };
  }
}
