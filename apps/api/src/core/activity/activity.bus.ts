import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ActivityEvent, ActivityType } from '@instagrowth/contracts';
import { PUBSUB, type PubSub } from '../pubsub/pubsub.js';

export const ACTIVITY_CHANNEL = 'activity';

export type ActivityInput = { type: ActivityType; tenantId?: number; tenantSlug?: string; summary: string } & Record<string, string | number | boolean | null | undefined>;

/**
 * The platform's live activity: sign-ups, payments, audits, sync failures, published where they
 * happen and heard by every process's admin socket (Redis pub/sub; in-process on the embedded default).
 * Publishing never fails the work that announced it.
 */
@Injectable()
export class ActivityBus {
  private readonly logger = new Logger('Activity');

  constructor(@Inject(PUBSUB) private readonly pubsub: PubSub) {}

  async publish(input: ActivityInput): Promise<void> {
    const event = { ...input, at: new Date().toISOString() } as ActivityEvent;
    await this.pubsub.publish(ACTIVITY_CHANNEL, event).catch((e: Error) => this.logger.warn(`could not publish ${input.type}: ${e.message}`));
  }

  subscribe(handler: (event: ActivityEvent) => void): () => void {
    return this.pubsub.subscribe(ACTIVITY_CHANNEL, (m) => handler(m as ActivityEvent));
  }
}
