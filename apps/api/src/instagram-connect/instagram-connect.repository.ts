import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';

/** OAuth state nonces in control: the callback arrives on the root host, outside any workspace. */
@Injectable()
export class InstagramConnectRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async saveState(input: { nonce: string; tenantId: number; userId: string; accountId: string | null; expiresAt: Date }): Promise<void> {
    await this.orm.em.fork().execute('insert into control.oauth_states (nonce, tenant_id, user_id, account_id, expires_at) values (?, ?, ?, ?, ?)', [
      input.nonce,
      input.tenantId,
      input.userId,
      input.accountId,
      input.expiresAt,
    ]);
  }

  /** Marks the nonce used, atomically: a state works once and only before it expires. */
  async consumeState(nonce: string): Promise<{ tenantId: number; userId: string; accountId: string | null } | null> {
    const rows = await this.orm.em.fork().execute<{ tenant_id: number; user_id: string; account_id: string | null }[]>(
      'update control.oauth_states set used_at = now() where nonce = ? and used_at is null and expires_at > now() returning tenant_id, user_id, account_id',
      [nonce],
    );
    return rows[0] ? { tenantId: rows[0].tenant_id, userId: rows[0].user_id, accountId: rows[0].account_id } : null;
  }

  async purgeExpired(): Promise<void> {
    await this.orm.em.fork().execute("delete from control.oauth_states where expires_at < now() - interval '1 day'");
  }
}
