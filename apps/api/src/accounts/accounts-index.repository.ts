import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';

/** control.instagram_account_index: Instagram account id → (workspace, account), for webhooks and the console. */
@Injectable()
export class AccountsIndexRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async upsert(entry: { igUserId: string; tenantId: number; accountId: string; username: string; status: string }): Promise<void> {
    await this.orm.em.fork().execute(
      `insert into control.instagram_account_index (ig_user_id, tenant_id, account_id, username, status) values (?, ?, ?, ?, ?)
       on conflict (ig_user_id, tenant_id, account_id) do update set username = excluded.username, status = excluded.status, updated_at = now()`,
      [entry.igUserId, entry.tenantId, entry.accountId, entry.username, entry.status],
    );
  }

  async remove(igUserId: string, tenantId: number, accountId: string): Promise<void> {
    await this.orm.em.fork().execute('delete from control.instagram_account_index where ig_user_id = ? and tenant_id = ? and account_id = ?', [igUserId, tenantId, accountId]);
  }

  /** Every workspace an Instagram account is connected in (webhooks fan out to each). */
  findByIgUserId(igUserId: string): Promise<{ tenant_id: number; account_id: string }[]> {
    return this.orm.em.fork().execute('select tenant_id, account_id from control.instagram_account_index where ig_user_id = ?', [igUserId]);
  }
}
