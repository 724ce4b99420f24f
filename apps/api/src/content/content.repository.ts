import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { BrandVoiceInput, ContentListQuery } from '@instagrowth/contracts';
import { joinSql, sql, tenantTable, type SqlQuery } from '../core/database/sql.js';
import { TenantDb } from '../core/tenancy/tenant-db.js';
import type { BrandVoiceRow, ContentItemRow, GenerationRow } from './content.entity.js';

const voices = tenantTable('brand_voices');
const generations = tenantTable('content_generations');
const items = tenantTable('content_items');
const accounts = tenantTable('instagram_accounts');
const clientAccounts = tenantTable('client_accounts');
const approvalRequests = tenantTable('approval_requests');

const VOICE_COLUMNS = sql`account_id as "accountId", niche, audience, goals, tone, words_to_use as "wordsToUse", words_to_avoid as "wordsToAvoid",
  emoji_policy as "emojiPolicy", languages, cta_style as "ctaStyle", example_captions as "exampleCaptions", time_zone as "timeZone", updated_at as "updatedAt"`;
const GEN_COLUMNS = sql`id, account_id as "accountId", kind, options, source, status, items, credits_used as "creditsUsed", created_at as "createdAt"`;
const ITEM_COLUMNS = sql`id, account_id as "accountId", generation_id as "generationId", kind, title, body, data, source, status, favourite, tags, inputs,
  created_at as "createdAt", updated_at as "updatedAt"`;

const dated = <T extends { createdAt: Date; updatedAt?: Date }>(r: T): T => ({ ...r, createdAt: new Date(r.createdAt), ...(r.updatedAt ? { updatedAt: new Date(r.updatedAt) } : {}) });

export interface ItemFilter extends Omit<ContentListQuery, 'page' | 'pageSize'> {
  /** Accounts the caller may read content of (null: every account). */
  accountIds: string[] | null;
  /** Statuses the caller may read (null: all; clients see approved and later only). */
  statuses: string[] | null;
}

@Injectable()
export class ContentRepository {
  constructor(private readonly db: TenantDb) {}

  unitOfWork<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.unitOfWork(fn);
  }

  async accountExists(accountId: string): Promise<boolean> {
    return (await this.db.one(sql`select 1 from ${accounts} where id = ${accountId}`)) !== null;
  }

  /** An account of a client: its content reaches `approved` only through the client's approval. */
  async accountHasClient(accountId: string): Promise<boolean> {
    return (await this.db.one(sql`select 1 from ${clientAccounts} where account_id = ${accountId} limit 1`)) !== null;
  }

  async accountUsername(accountId: string): Promise<string> {
    return (await this.db.one<{ username: string }>(sql`select username from ${accounts} where id = ${accountId}`))?.username ?? '';
  }

  async brandVoice(accountId: string): Promise<BrandVoiceRow | null> {
    const row = await this.db.one<BrandVoiceRow>(sql`select ${VOICE_COLUMNS} from ${voices} where account_id = ${accountId}`);
    return row ? { ...row, updatedAt: new Date(row.updatedAt) } : null;
  }

  async upsertBrandVoice(accountId: string, v: BrandVoiceInput, actorId: string): Promise<BrandVoiceRow> {
    const rows = await this.db.query<BrandVoiceRow>(sql`insert into ${voices}
        (account_id, niche, audience, goals, tone, words_to_use, words_to_avoid, emoji_policy, languages, cta_style, example_captions, time_zone, updated_by, updated_at)
      values (${accountId}, ${v.niche}, ${v.audience}, ${v.goals}, ${v.tone}, ${v.wordsToUse}, ${v.wordsToAvoid}, ${v.emojiPolicy}, ${v.languages}, ${v.ctaStyle}, ${v.exampleCaptions}, ${v.timeZone}, ${actorId}, now())
      on conflict (account_id) do update set niche = excluded.niche, audience = excluded.audience, goals = excluded.goals, tone = excluded.tone,
        words_to_use = excluded.words_to_use, words_to_avoid = excluded.words_to_avoid, emoji_policy = excluded.emoji_policy, languages = excluded.languages,
        cta_style = excluded.cta_style, example_captions = excluded.example_captions, time_zone = excluded.time_zone, updated_by = excluded.updated_by, updated_at = now()
      returning ${VOICE_COLUMNS}`);
    return { ...rows[0], updatedAt: new Date(rows[0].updatedAt) };
  }

  async insertGeneration(g: Omit<GenerationRow, 'createdAt'>, actorId: string): Promise<void> {
    await this.db.execute(sql`insert into ${generations} (id, account_id, kind, options, source, status, items, credits_used, actor_id)
      values (${g.id}, ${g.accountId}, ${g.kind}, ${JSON.stringify(g.options)}::jsonb, ${g.source}, ${g.status}, ${JSON.stringify(g.items)}::jsonb, ${g.creditsUsed}, ${actorId})`);
  }

  async finishGeneration(id: string, status: 'completed' | 'failed', itemsJson: GenerationRow['items'], error: string | null, creditsUsed: number): Promise<void> {
    await this.db.execute(sql`update ${generations} set status = ${status}, items = ${JSON.stringify(itemsJson)}::jsonb, error = ${error}, credits_used = ${creditsUsed} where id = ${id}`);
  }

  async generation(id: string): Promise<GenerationRow | null> {
    const row = await this.db.one<GenerationRow>(sql`select ${GEN_COLUMNS} from ${generations} where id = ${id}`);
    return row ? dated(row) : null;
  }

  async insertItem(i: Omit<ContentItemRow, 'id' | 'createdAt' | 'updatedAt'>, actorId: string | null): Promise<ContentItemRow> {
    const rows = await this.db.query<ContentItemRow>(sql`insert into ${items}
        (id, account_id, generation_id, kind, title, body, data, source, status, favourite, tags, inputs, created_by)
      values (${randomUUID()}, ${i.accountId}, ${i.generationId}, ${i.kind}, ${i.title}, ${i.body}, ${JSON.stringify(i.data)}::jsonb, ${i.source}, ${i.status},
        ${i.favourite}, ${i.tags}, ${JSON.stringify(i.inputs)}::jsonb, ${actorId})
      returning ${ITEM_COLUMNS}`);
    return dated(rows[0]);
  }

  async item(id: string): Promise<ContentItemRow | null> {
    const row = await this.db.one<ContentItemRow>(sql`select ${ITEM_COLUMNS} from ${items} where id = ${id}`);
    return row ? dated(row) : null;
  }

  async updateItem(id: string, patch: { title?: string; body?: string; favourite?: boolean; tags?: string[]; status?: string }): Promise<ContentItemRow> {
    const sets: SqlQuery[] = [sql`updated_at = now()`];
    if (patch.title !== undefined) sets.push(sql`title = ${patch.title}`);
    if (patch.body !== undefined) sets.push(sql`body = ${patch.body}`);
    if (patch.favourite !== undefined) sets.push(sql`favourite = ${patch.favourite}`);
    if (patch.tags !== undefined) sets.push(sql`tags = ${patch.tags}`);
    if (patch.status !== undefined) sets.push(sql`status = ${patch.status}`);
    const rows = await this.db.query<ContentItemRow>(sql`update ${items} set ${joinSql(sets, ', ')} where id = ${id} returning ${ITEM_COLUMNS}`);
    return dated(rows[0]);
  }

  /** The item and its approval requests (their history goes with it: nothing is left to approve). */
  async deleteItem(id: string): Promise<void> {
    await this.db.unitOfWork(async () => {
      await this.db.execute(sql`delete from ${approvalRequests} where subject_type = 'content' and subject_id = ${id}`);
      await this.db.execute(sql`delete from ${items} where id = ${id}`);
    });
  }

  private where(f: ItemFilter): SqlQuery {
    const c: SqlQuery[] = [sql`true`];
    if (f.accountIds) c.push(sql`account_id = any(${f.accountIds}::uuid[])`);
    if (f.statuses) c.push(sql`status = any(${f.statuses}::text[])`);
    if (f.accountId) c.push(sql`account_id = ${f.accountId}`);
    if (f.kind) c.push(sql`kind = ${f.kind}`);
    if (f.status) c.push(sql`status = ${f.status}`);
    if (f.favourite !== undefined) c.push(sql`favourite = ${f.favourite}`);
    if (f.tag) c.push(sql`${f.tag} = any(tags)`);
    if (f.q) c.push(sql`(title ilike ${`%${escapeLike(f.q)}%`} or body ilike ${`%${escapeLike(f.q)}%`})`);
    return joinSql(c, ' and ');
  }

  async list(f: ItemFilter, limit: number, offset: number): Promise<{ rows: ContentItemRow[]; total: number }> {
    const where = this.where(f);
    const [rows, count] = await Promise.all([
      this.db.query<ContentItemRow>(sql`select ${ITEM_COLUMNS} from ${items} where ${where} order by created_at desc, id desc limit ${limit} offset ${offset}`),
      this.db.one<{ n: number }>(sql`select count(*)::int as n from ${items} where ${where}`),
    ]);
    return { rows: rows.map(dated), total: count?.n ?? 0 };
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
