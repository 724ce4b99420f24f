import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sql, tenantTable } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import { PrincipalRepository } from '../core/auth/principal.repository.js';
import type { ClientMember, ClientRow } from './clients.entity.js';

const clients = tenantTable('clients');
const clientAccounts = tenantTable('client_accounts');
const clientMembers = tenantTable('client_members');
const users = tenantTable('users');
const accounts = tenantTable('instagram_accounts');
const assignments = tenantTable('assignments');

type Raw = { id: string; name: string; contacts: ClientRow['contacts']; created_at: string | Date };
const toRow = (r: Raw): ClientRow => ({ id: r.id, name: r.name, contacts: r.contacts, createdAt: new Date(r.created_at) });

@Injectable()
export class ClientsRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly principals: PrincipalRepository,
  ) {}

  /** One transaction for a multi-step change (the client and its assignments move together). */
  unitOfWork<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.unitOfWork(fn);
  }

  async list(): Promise<ClientRow[]> {
    return (await this.db.query<Raw>(sql`select * from ${clients} order by lower(name)`)).map(toRow);
  }

  async find(id: string): Promise<ClientRow | null> {
    const row = await this.db.one<Raw>(sql`select * from ${clients} where id = ${id}`);
    return row ? toRow(row) : null;
  }

  async findByName(name: string): Promise<ClientRow | null> {
    const row = await this.db.one<Raw>(sql`select * from ${clients} where lower(name) = lower(${name})`);
    return row ? toRow(row) : null;
  }

  /** Null when the name is taken (unique index). */
  async insert(name: string, contacts: ClientRow['contacts']): Promise<ClientRow | null> {
    const row = await this.db.one<Raw>(sql`insert into ${clients} (id, name, contacts) values (${randomUUID()}, ${name}, ${JSON.stringify(contacts)}::jsonb) on conflict do nothing returning *`);
    return row ? toRow(row) : null;
  }

  async update(id: string, name: string, contacts: ClientRow['contacts']): Promise<ClientRow | null> {
    const row = await this.db.one<Raw>(sql`update ${clients} set name = ${name}, contacts = ${JSON.stringify(contacts)}::jsonb, updated_at = now() where id = ${id} returning *`);
    return row ? toRow(row) : null;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.execute(sql`delete from ${clients} where id = ${id}`)) > 0;
  }

  async accountIds(clientId: string): Promise<string[]> {
    return (await this.db.query<{ account_id: string }>(sql`select account_id from ${clientAccounts} where client_id = ${clientId} order by account_id`)).map((r) => r.account_id);
  }

  async members(clientId: string): Promise<ClientMember[]> {
    return this.db.query<ClientMember>(sql`select u.id, u.name, u.email, u.role from ${clientMembers} m join ${users} u on u.id = m.user_id where m.client_id = ${clientId} order by u.name`);
  }

  async existingAccounts(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return (await this.db.query<{ id: string }>(sql`select id from ${accounts} where id = any(${ids}::uuid[])`)).map((r) => r.id);
  }

  /** Account ids by username (manifests name accounts by their handle). */
  async accountIdsByUsername(usernames: string[]): Promise<string[]> {
    if (!usernames.length) return [];
    return (await this.db.query<{ id: string }>(sql`select id from ${accounts} where username = any(${usernames}::text[]) order by id`)).map((r) => r.id);
  }

  /** Users that may be attached to a client: its client users and the managers who serve it. */
  async attachableUsers(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return (await this.db.query<{ id: string }>(sql`select id from ${users} where id = any(${ids}::uuid[]) and role in ('manager', 'client')`)).map((r) => r.id);
  }

  async replaceAccounts(clientId: string, ids: string[]): Promise<void> {
    await this.db.execute(sql`delete from ${clientAccounts} where client_id = ${clientId}`);
    if (ids.length) await this.db.execute(sql`insert into ${clientAccounts} (client_id, account_id) select ${clientId}, unnest(${ids}::uuid[])`);
  }

  async replaceMembers(clientId: string, ids: string[]): Promise<void> {
    await this.db.execute(sql`delete from ${clientMembers} where client_id = ${clientId}`);
    if (ids.length) await this.db.execute(sql`insert into ${clientMembers} (client_id, user_id) select ${clientId}, unnest(${ids}::uuid[])`);
  }

  /**
   * Makes account assignments follow client membership for `userIds`: client users get exactly
   * their clients' accounts (nothing else), managers get them added to their own assignments.
   */
  async syncAssignments(userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    await this.db.execute(sql`
      delete from ${assignments} a using ${users} u
       where a.user_id = u.id and u.role = 'client' and a.user_id = any(${userIds}::uuid[]) and a.resource_type = 'instagram_account'
         and a.resource_id not in (select ca.account_id::text from ${clientMembers} m join ${clientAccounts} ca on ca.client_id = m.client_id where m.user_id = a.user_id)`);
    await this.db.execute(sql`
      insert into ${assignments} (user_id, resource_type, resource_id)
      select distinct m.user_id, 'instagram_account', ca.account_id::text from ${clientMembers} m join ${clientAccounts} ca on ca.client_id = m.client_id
       where m.user_id = any(${userIds}::uuid[])
      on conflict do nothing`);
    await this.principals.membersChanged();
  }
}
