import { RedisPubSub } from '../src/core/pubsub/pubsub.js';
import { startOwnRedis, type OwnRedis } from './support/redis-server.js';

/** Cross-process messages on a redis-server of the test's own (never the shared one). */
describe('Redis pub/sub between processes', () => {
  let redis: OwnRedis;
  const buses: RedisPubSub[] = [];
  const bus = () => {
    const b = new RedisPubSub(redis.url, 'ps-test');
    buses.push(b);
    return b;
  };

  beforeAll(async () => {
    redis = await startOwnRedis();
  });
  afterAll(async () => {
    await redis?.start().catch(() => undefined); // let the buses quit cleanly
    await Promise.all(buses.map((b) => b.close()));
    await redis?.close();
  });

  /** Resolves with the first message heard on `channel`. */
  const next = (b: RedisPubSub, channel: string) => new Promise<unknown>((resolve) => b.subscribe(channel, resolve));

  it('a message published after ready() reaches a subscriber in another process', async () => {
    const listener = bus();
    const heard = next(listener, 'greetings');
    await listener.ready();
    await bus().publish('greetings', { hello: 'world' });
    expect(await heard).toEqual({ hello: 'world' });
  });

  it('a channel subscribed while Redis is down goes live when Redis is back (the SUBSCRIBE is not dropped after a few retries)', async () => {
    const listener = bus();
    const publisher = bus();
    await Promise.all([listener.ready(), publisher.ready()]);
    await redis.stop();
    const heard = next(listener, 'after-outage');
    // Longer than ioredis's retries of an ordinary command (maxRetriesPerRequest) would last.
    await new Promise((r) => setTimeout(r, 1500));
    await redis.start();
    await listener.ready();
    await publisher.publish('after-outage', { n: 1 });
    expect(await heard).toEqual({ n: 1 });
  });
});
