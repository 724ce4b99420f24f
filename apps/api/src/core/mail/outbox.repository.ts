import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { MailOutboxEntity, type MailOutbox } from '../../control/control.entity.js';
import type { MailMessage, MailTransport } from './mail.types.js';

/** The outbox driver: messages are stored in control.mail_outbox, readable by the super-admin. */
@Injectable()
export class OutboxRepository implements MailTransport {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async deliver(message: MailMessage): Promise<void> {
    const em = this.orm.em.fork();
    em.create(MailOutboxEntity, { id: randomUUID(), ...message, status: 'stored', createdAt: new Date() });
    await em.flush();
  }

  list(limit = 100): Promise<MailOutbox[]> {
    return this.orm.em.fork().find(MailOutboxEntity, {}, { orderBy: { createdAt: 'desc' }, limit });
  }

  findById(id: string): Promise<MailOutbox | null> {
    return this.orm.em.fork().findOne(MailOutboxEntity, { id });
  }
}
