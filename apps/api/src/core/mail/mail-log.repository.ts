import { Injectable } from '@nestjs/common';
import { ControlDb } from '../database/control-db.js';
import { controlTable, sql } from '../database/sql.js';
import type { MailLogRow, MailStatus, SendingDomainRow, SuppressionRow, TemplateOverrideRow, TenantMailInfo } from './mail-log.entity.js';

const log = controlTable('mail_log');
const events = controlTable('mail_events');
const suppressions = controlTable('mail_suppressions');
const unsubscribes = controlTable('mail_unsubscribes');
const templates = controlTable('mail_templates');
const domains = controlTable('mail_domains');
const tenants = controlTable('tenants');

const LOG_COLUMNS = sql`id, tenant_id as "tenantId", dedupe_key as "dedupeKey", "to", template, category, subject, vars, status, provider,
  provider_id as "providerId", reason, attempts, sent_at as "sentAt", created_at as "createdAt", updated_at as "updatedAt"`;

const date = (v: unknown) => new Date(v as string);
const toLog = (r: MailLogRow): MailLogRow => ({ ...r, sentAt: r.sentAt ? date(r.sentAt) : null, createdAt: date(r.createdAt), updatedAt: date(r.updatedAt) });

/** Every read and write of the mail tables (control schema: mail is delivered outside any tenant). */
@Injectable()
export class MailLogRepository {
  constructor(private readonly db: ControlDb) {}

  /** False when a mail with this dedupe key exists already (the trigger fired before). */
  async insertQueued(row: { id: string; tenantId: number | null; dedupeKey: string; to: string; template: string; category: string; vars: Record<string, unknown> }): Promise<boolean> {
    const inserted = await this.db.execute(
      sql`insert into ${log} (id, tenant_id, dedupe_key, "to", template, category, vars) values (${row.id}, ${row.tenantId}, ${row.dedupeKey}, ${row.to}, ${row.template}, ${row.category}, ${JSON.stringify(row.vars)}::jsonb)
          on conflict (dedupe_key) do nothing`,
    );
    return inserted > 0;
  }

  async hasKeyPrefix(prefix: string): Promise<boolean> {
    const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return (await this.db.one(sql`select 1 as one from ${log} where dedupe_key like ${like} limit 1`)) !== null;
  }

  /** Mails still queued long after they were written (the enqueue after the insert was lost). */
  async staleQueued(tenantId: number | null, olderThanMinutes: number): Promise<{ id: string; template: string }[]> {
    const scope = tenantId === null ? sql`tenant_id is null` : sql`tenant_id = ${tenantId}`;
    return this.db.query(sql`select id, template from ${log} where ${scope} and status = 'queued' and created_at < now() - make_interval(mins => ${olderThanMinutes}) order by created_at limit 500`);
  }

  async find(id: string): Promise<MailLogRow | null> {
    const row = await this.db.one<MailLogRow>(sql`select ${LOG_COLUMNS} from ${log} where id = ${id}`);
    return row ? toLog(row) : null;
  }

  async findByKey(dedupeKey: string): Promise<MailLogRow | null> {
    const row = await this.db.one<MailLogRow>(sql`select ${LOG_COLUMNS} from ${log} where dedupe_key = ${dedupeKey}`);
    return row ? toLog(row) : null;
  }

  /** The job takes a queued mail (or one a killed worker left mid-send); null once it was sent or skipped. */
  async claim(id: string): Promise<MailLogRow | null> {
    const row = await this.db.one<MailLogRow>(
      sql`update ${log} set status = 'sending', attempts = attempts + 1, updated_at = now() where id = ${id} and status in ('queued', 'sending', 'failed') returning ${LOG_COLUMNS}`,
    );
    return row ? toLog(row) : null;
  }

  /** Sent: the variables (they may hold single-use links) are dropped. */
  async markSent(id: string, subject: string, provider: string, providerId: string | null): Promise<void> {
    await this.db.execute(sql`update ${log} set status = 'sent', subject = ${subject}, provider = ${provider}, provider_id = ${providerId}, vars = null, sent_at = now(), updated_at = now(), reason = null where id = ${id} and status = 'sending'`);
  }

  async markSkipped(id: string, status: 'suppressed' | 'unsubscribed', reason: string): Promise<void> {
    await this.db.execute(sql`update ${log} set status = ${status}, reason = ${reason}, vars = null, updated_at = now() where id = ${id}`);
  }

  async markFailed(id: string, reason: string): Promise<void> {
    await this.db.execute(sql`update ${log} set status = 'failed', reason = ${reason.slice(0, 500)}, updated_at = now() where id = ${id} and status = 'sending'`);
  }

  async list(filter: { tenantId?: number; status?: string; limit: number }): Promise<MailLogRow[]> {
    const byTenant = filter.tenantId === undefined ? sql`true` : sql`tenant_id = ${filter.tenantId}`;
    const byStatus = filter.status ? sql`status = ${filter.status}` : sql`true`;
    const rows = await this.db.query<MailLogRow>(sql`select ${LOG_COLUMNS} from ${log} where ${byTenant} and ${byStatus} order by created_at desc limit ${filter.limit}`);
    return rows.map(toLog);
  }

  async findByProviderId(providerId: string): Promise<MailLogRow | null> {
    const row = await this.db.one<MailLogRow>(sql`select ${LOG_COLUMNS} from ${log} where provider_id = ${providerId} order by created_at desc limit 1`);
    return row ? toLog(row) : null;
  }

  /** False when this webhook delivery (svix-id) was seen before. */
  async recordEvent(svixId: string, logId: string | null, type: string): Promise<boolean> {
    return (await this.db.execute(sql`insert into ${events} (svix_id, log_id, type) values (${svixId}, ${logId}, ${type}) on conflict do nothing`)) > 0;
  }

  async setStatus(id: string, status: MailStatus, reason: string | null): Promise<void> {
    await this.db.execute(sql`update ${log} set status = ${status}, reason = coalesce(${reason}, reason), updated_at = now() where id = ${id}`);
  }

  async suppression(email: string): Promise<SuppressionRow | null> {
    const row = await this.db.one<SuppressionRow>(sql`select email, reason, detail, created_at as "createdAt" from ${suppressions} where email = ${email.toLowerCase()}`);
    return row ? { ...row, createdAt: date(row.createdAt) } : null;
  }

  async suppress(email: string, reason: string, detail: string | null): Promise<void> {
    await this.db.execute(sql`insert into ${suppressions} (email, reason, detail) values (${email.toLowerCase()}, ${reason}, ${detail}) on conflict (email) do update set reason = excluded.reason, detail = excluded.detail`);
  }

  async unsuppress(email: string): Promise<boolean> {
    return (await this.db.execute(sql`delete from ${suppressions} where email = ${email.toLowerCase()}`)) > 0;
  }

  async listSuppressions(limit = 200): Promise<SuppressionRow[]> {
    const rows = await this.db.query<SuppressionRow>(sql`select email, reason, detail, created_at as "createdAt" from ${suppressions} order by created_at desc limit ${limit}`);
    return rows.map((r) => ({ ...r, createdAt: date(r.createdAt) }));
  }

  async unsubscribedCategories(tenantId: number | null, email: string): Promise<string[]> {
    const rows = await this.db.query<{ category: string }>(sql`select category from ${unsubscribes} where tenant_id = ${tenantId ?? 0} and email = ${email.toLowerCase()} order by category`);
    return rows.map((r) => r.category);
  }

  async setSubscribed(tenantId: number | null, email: string, category: string, subscribed: boolean): Promise<void> {
    if (subscribed) await this.db.execute(sql`delete from ${unsubscribes} where tenant_id = ${tenantId ?? 0} and email = ${email.toLowerCase()} and category = ${category}`);
    else await this.db.execute(sql`insert into ${unsubscribes} (tenant_id, email, category) values (${tenantId ?? 0}, ${email.toLowerCase()}, ${category}) on conflict do nothing`);
  }

  async templateOverride(key: string): Promise<TemplateOverrideRow | null> {
    const row = await this.db.one<TemplateOverrideRow>(sql`select key, subject, html, text, updated_at as "updatedAt" from ${templates} where key = ${key}`);
    return row ? { ...row, updatedAt: date(row.updatedAt) } : null;
  }

  async templateOverrides(): Promise<TemplateOverrideRow[]> {
    const rows = await this.db.query<TemplateOverrideRow>(sql`select key, subject, html, text, updated_at as "updatedAt" from ${templates}`);
    return rows.map((r) => ({ ...r, updatedAt: date(r.updatedAt) }));
  }

  async saveTemplateOverride(key: string, source: { subject: string; html: string; text: string }): Promise<void> {
    await this.db.execute(
      sql`insert into ${templates} (key, subject, html, text) values (${key}, ${source.subject}, ${source.html}, ${source.text})
          on conflict (key) do update set subject = excluded.subject, html = excluded.html, text = excluded.text, updated_at = now()`,
    );
  }

  async deleteTemplateOverride(key: string): Promise<void> {
    await this.db.execute(sql`delete from ${templates} where key = ${key}`);
  }

  async tenant(id: number): Promise<TenantMailInfo | null> {
    return this.db.one<TenantMailInfo>(sql`select id, slug, name, plan_code as "planCode", time_zone as "timeZone", branding from ${tenants} where id = ${id}`);
  }

  async sendingDomain(tenantId: number): Promise<SendingDomainRow | null> {
    const row = await this.db.one<SendingDomainRow>(sql`select tenant_id as "tenantId", domain, resend_id as "resendId", status, records, updated_at as "updatedAt" from ${domains} where tenant_id = ${tenantId}`);
    return row ? { ...row, updatedAt: date(row.updatedAt) } : null;
  }

  async saveSendingDomain(row: Omit<SendingDomainRow, 'updatedAt'>): Promise<void> {
    await this.db.execute(
      sql`insert into ${domains} (tenant_id, domain, resend_id, status, records) values (${row.tenantId}, ${row.domain}, ${row.resendId}, ${row.status}, ${JSON.stringify(row.records)}::jsonb)
          on conflict (tenant_id) do update set domain = excluded.domain, resend_id = excluded.resend_id, status = excluded.status, records = excluded.records, updated_at = now()`,
    );
  }

  async deleteSendingDomain(tenantId: number): Promise<void> {
    await this.db.execute(sql`delete from ${domains} where tenant_id = ${tenantId}`);
  }
}
