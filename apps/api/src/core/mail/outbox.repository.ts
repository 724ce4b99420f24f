import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { MailOutboxEntity, type MailOutbox } from '../../control/control.entity.js';
import { ControlDb } from '../database/control-db.js';
import { controlTable, sql } from '../database/sql.js';
import type { OutgoingMail } from './mail.types.js';

const outbox = controlTable('mail_outbox');

/** The outbox: every mail stored in control.mail_outbox, readable by the super-admin. */
@Injectable()
export class OutboxRepository {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly db: ControlDb,
  ) {}

  /** Keyed by the mail's id: storing the same mail twice keeps one copy. */
  async store(mail: OutgoingMail, status: string): Promise<void> {
    await this.db.execute(
      sql`insert into ${outbox} (id, tenant_id, "to", subject, template, html, text, status) values (${mail.id}, ${mail.tenantId}, ${mail.to}, ${mail.subject}, ${mail.template}, ${mail.html}, ${mail.text}, ${status})
          on conflict (id) do nothing`,
    );
  }

  list(limit = 100): Promise<MailOutbox[]> {
    return this.orm.em.fork().find(MailOutboxEntity, {}, { orderBy: { createdAt: 'desc' }, limit });
  }

  findById(id: string): Promise<MailOutbox | null> {
    return this.orm.em.fork().findOne(MailOutboxEntity, { id });
  }
}
