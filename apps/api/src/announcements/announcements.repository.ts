import { Injectable } from '@nestjs/common';
import { ControlDb } from '../core/database/control-db.js';
import { controlTable, sql } from '../core/database/sql.js';

export interface Announcement {
  id: string;
  title: string;
  body: string;
  plans: string[];
  startsAt: Date;
  endsAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: string;
  title: string;
  body: string;
  plans: string[];
  starts_at: string;
  ends_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
const toAnnouncement = (r: Row): Announcement => ({
  id: r.id, title: r.title, body: r.body, plans: r.plans ?? [], startsAt: new Date(r.starts_at), endsAt: r.ends_at ? new Date(r.ends_at) : null,
  createdBy: r.created_by, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at),
});

export interface AnnouncementInput {
  title: string;
  body: string;
  plans: string[];
  startsAt: Date;
  endsAt: Date | null;
}

/** Platform announcements and who dismissed them (control schema: they are about many tenants). */
@Injectable()
export class AnnouncementsRepository {
  constructor(private readonly db: ControlDb) {}

  async list(): Promise<Announcement[]> {
    return (await this.db.query<Row>(sql`select * from ${controlTable('announcements')} order by starts_at desc, created_at desc`)).map(toAnnouncement);
  }

  async find(id: string): Promise<Announcement | null> {
    const r = await this.db.one<Row>(sql`select * from ${controlTable('announcements')} where id = ${id}`);
    return r ? toAnnouncement(r) : null;
  }

  async create(id: string, input: AnnouncementInput, createdBy: string): Promise<Announcement> {
    const r = await this.db.one<Row>(
      sql`insert into ${controlTable('announcements')} (id, title, body, plans, starts_at, ends_at, created_by)
          values (${id}, ${input.title}, ${input.body}, ${input.plans}::text[], ${input.startsAt}, ${input.endsAt}, ${createdBy}) returning *`,
    );
    return toAnnouncement(r!);
  }

  async update(id: string, input: AnnouncementInput): Promise<Announcement | null> {
    const r = await this.db.one<Row>(
      sql`update ${controlTable('announcements')} set title = ${input.title}, body = ${input.body}, plans = ${input.plans}::text[],
             starts_at = ${input.startsAt}, ends_at = ${input.endsAt}, updated_at = now() where id = ${id} returning *`,
    );
    return r ? toAnnouncement(r) : null;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.execute(sql`delete from ${controlTable('announcements')} where id = ${id}`)) === 1;
  }

  async planKeys(): Promise<string[]> {
    return (await this.db.query<{ key: string }>(sql`select key from ${controlTable('plans')}`)).map((r) => r.key);
  }

  /** Running now, meant for this plan (or everyone), not dismissed by this user. */
  async activeFor(tenantId: number, userId: string, planKey: string, onlyId?: string): Promise<Announcement[]> {
    const rows = await this.db.query<Row>(
      sql`select a.* from ${controlTable('announcements')} a
           where a.starts_at <= now() and (a.ends_at is null or a.ends_at > now())
             and (cardinality(a.plans) = 0 or ${planKey} = any(a.plans))
             and not exists (select 1 from ${controlTable('announcement_dismissals')} d
                              where d.announcement_id = a.id and d.tenant_id = ${tenantId} and d.user_id = ${userId})
             ${onlyId ? sql`and a.id = ${onlyId}` : sql``}
           order by a.starts_at desc`,
    );
    return rows.map(toAnnouncement);
  }

  async dismiss(id: string, tenantId: number, userId: string): Promise<void> {
    await this.db.execute(
      sql`insert into ${controlTable('announcement_dismissals')} (announcement_id, tenant_id, user_id) values (${id}, ${tenantId}, ${userId}) on conflict do nothing`,
    );
  }
}
