import { Inject, Injectable, Logger } from '@nestjs/common';
import { PUBSUB, type PubSub } from '../pubsub/pubsub.js';

export const ADMIN_SESSION_CHANNEL = 'admin-session';

/** An admin session ended (sign-out); every process's admin sockets opened with it close at once. */
export interface AdminSessionEnded {
  sessionId: string;
  adminId: string;
}

/**
 * Tells every process (Redis pub/sub; in-process on the embedded default) that an admin session
 * ended, so the console's live socket does not outlive the session it was opened with. A lost
 * message is caught by the socket's periodic session check.
 */
@Injectable()
export class AdminSessionBus {
  private readonly logger = new Logger('AdminSessions');

  constructor(@Inject(PUBSUB) private readonly pubsub: PubSub) {}

  async ended(message: AdminSessionEnded): Promise<void> {
    await this.pubsub.publish(ADMIN_SESSION_CHANNEL, message).catch((e: Error) => this.logger.warn(`could not announce the end of session ${message.sessionId}: ${e.message}`));
  }

  subscribe(handler: (message: AdminSessionEnded) => void): () => void {
    return this.pubsub.subscribe(ADMIN_SESSION_CHANNEL, (m) => handler(m as AdminSessionEnded));
  }
}
