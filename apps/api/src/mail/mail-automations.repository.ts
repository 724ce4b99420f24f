import { Injectable } from '@nestjs/common';
import { controlTable, sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';

const users = tenantTable('users');
const invitations = tenantTable('invitations');
const accounts = tenantTable('instagram_accounts');
const audits = tenantTable('audits');
const contentItems = tenantTable('content_items');
const wallet = tenantTable('credit_wallet');
const clients = tenantTable('clients');
const clientMembers = tenantTable('client_members');
const clientAccounts = tenantTable('client_accounts');
const metrics = tenantTable('account_metrics');
const media = tenantTable('media');
const tenants = controlTable('tenants');
const subscriptions = controlTable('subscriptions');

export interface Recipient {
  id: string;
  name: string;
  email: string;
}

export interface DigestAccountNumbers {
  username: string;
  followers: number | null;
  followersBefore: number | null;
  posts: number;
  reach: number | null;
}

/** What the scheduled mails read, all in the current tenant (stored data only, never the API). */
@Injectable()
export class MailAutomationsRepository {
  constructor(private readonly db: TenantDb) {}

  async workspace(tenantId: number): Promise<{ createdAt: Date; timeZone: string; trialEndsAt: Date | null; planCode: string; subscriptionStatus: string | null } | null> {
    const row = await this.db.one<{ created_at: string; time_zone: string; trial_ends_at: string | null; plan_code: string; sub_status: string | null }>(
      sql`select t.created_at, t.time_zone, coalesce(s.trial_ends_at, t.trial_ends_at) as trial_ends_at, t.plan_code, s.status as sub_status
          from ${tenants} t left join ${subscriptions} s on s.tenant_id = t.id where t.id = ${tenantId}`,
    );
    return row ? { createdAt: new Date(row.created_at), timeZone: row.time_zone, trialEndsAt: row.trial_ends_at ? new Date(row.trial_ends_at) : null, planCode: row.plan_code, subscriptionStatus: row.sub_status } : null;
  }

  user(id: string): Promise<Recipient | null> {
    return this.db.one<Recipient>(sql`select id, name, email from ${users} where id = ${id}`);
  }

  owners(): Promise<Recipient[]> {
    return this.db.query<Recipient>(sql`select id, name, email from ${users} where role = 'owner' order by created_at`);
  }

  /** What each onboarding step asks the owner to do, and whether it was done. */
  async onboardingProgress(): Promise<{ accounts: number; audits: number; content: number; team: number }> {
    const row = await this.db.one<{ accounts: number; audits: number; content: number; team: number }>(
      sql`select (select count(*)::int from ${accounts} where status <> 'disconnected') as accounts,
                 (select count(*)::int from ${audits}) as audits,
                 (select count(*)::int from ${contentItems}) as content,
                 (select count(*)::int from ${users} where role <> 'owner') + (select count(*)::int from ${invitations} where revoked_at is null) as team`,
    );
    return row ?? { accounts: 0, audits: 0, content: 0, team: 0 };
  }

  async credits(): Promise<{ balance: number; allowance: number; periodKey: string | null }> {
    const row = await this.db.one<{ balance: number; allowance: number; period_key: string | null }>(
      sql`select period_balance + pack_balance as balance, period_allowance as allowance, period_key from ${wallet} where id = 1`,
    );
    return { balance: row?.balance ?? 0, allowance: row?.allowance ?? 0, periodKey: row?.period_key ?? null };
  }

  /** Every client user with the client they belong to. */
  clientRecipients(): Promise<(Recipient & { clientId: string; clientName: string })[]> {
    return this.db.query(
      sql`select u.id, u.name, u.email, c.id as "clientId", c.name as "clientName"
          from ${clientMembers} m join ${users} u on u.id = m.user_id join ${clients} c on c.id = m.client_id
          where u.role = 'client' order by c.name, u.email`,
    );
  }

  /**
   * A client's accounts over [from, to] (local dates in `timeZone`): followers at the end and
   * before the start (latest stored followers_count), posts published, and summed daily reach.
   */
  async digestNumbers(clientId: string, from: string, to: string, timeZone: string): Promise<DigestAccountNumbers[]> {
    const rows = await this.db.query<{ username: string; followers: number | null; followers_before: number | null; posts: number; reach: number | null }>(
      sql`select a.username,
            (select value from ${metrics} m where m.account_id = a.id and m.metric = 'followers_count' and m.status = 'ok' and m.day <= ${to}::date order by m.day desc limit 1) as followers,
            (select value from ${metrics} m where m.account_id = a.id and m.metric = 'followers_count' and m.status = 'ok' and m.day < ${from}::date order by m.day desc limit 1) as followers_before,
            (select count(*)::int from ${media} p where p.account_id = a.id and (p.posted_at at time zone ${timeZone})::date between ${from}::date and ${to}::date) as posts,
            (select sum(value) from ${metrics} m where m.account_id = a.id and m.metric = 'reach' and m.status = 'ok' and m.day between ${from}::date and ${to}::date) as reach
          from ${clientAccounts} ca join ${accounts} a on a.id = ca.account_id
          where ca.client_id = ${clientId} and a.status <> 'disconnected' order by a.username`,
    );
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return rows.map((r) => ({ username: r.username, followers: num(r.followers), followersBefore: num(r.followers_before), posts: Number(r.posts), reach: num(r.reach) }));
  }
}
