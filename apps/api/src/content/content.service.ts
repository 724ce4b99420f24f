import { Injectable } from '@nestjs/common';
import { asSubject } from '@instagrowth/authz';
import {
  brandVoiceInputSchema,
  isTimeZone,
  CONTENT_CSV_COLUMNS,
  CONTENT_STATUSES,
  type BrandVoice,
  type BrandVoiceInput,
  type ContentItem,
  type ContentListQuery,
  type ContentStatus,
} from '@instagrowth/contracts';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { badRequest, conflict, notFound, validationFailed } from '../core/errors/domain-error.js';
import { ContentAccess } from './content-access.js';
import type { ContentItemRow } from './content.entity.js';
import { ContentRepository, type ItemFilter } from './content.repository.js';

/** What a client sees of the library: content that was approved (and what followed approval). */
export const CLIENT_VISIBLE_STATUSES: ContentStatus[] = ['approved', 'scheduled', 'posted'];

export const toContentItem = (r: ContentItemRow): ContentItem => ({
  id: r.id,
  accountId: r.accountId,
  kind: r.kind,
  title: r.title,
  text: r.body,
  data: r.data,
  source: r.source,
  status: r.status,
  favourite: r.favourite,
  tags: r.tags,
  inputs: r.inputs,
  generationId: r.generationId,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Brand voice and the content library. */
@Injectable()
export class ContentService {
  constructor(
    private readonly repo: ContentRepository,
    private readonly access: ContentAccess,
  ) {}

  /** The account's voice, or the defaults (configured: false) when none was saved yet. */
  async brandVoice(actor: MemberPrincipal | null, accountId: string): Promise<BrandVoice> {
    if (actor) await this.access.assert(actor, accountId, 'Content', 'read');
    const row = await this.repo.brandVoice(accountId);
    if (!row) return { ...brandVoiceInputSchema.parse({ niche: '' }), accountId, configured: false, updatedAt: null };
    const { updatedAt, ...rest } = row;
    return { ...rest, accountId, configured: true, updatedAt: updatedAt.toISOString() };
  }

  async saveBrandVoice(actor: MemberPrincipal, accountId: string, input: BrandVoiceInput): Promise<BrandVoice> {
    await this.access.assert(actor, accountId, 'Content', 'update');
    if (!isTimeZone(input.timeZone)) throw validationFailed({ timeZone: 'must be an IANA time zone like Europe/Berlin' });
    await this.repo.upsertBrandVoice(accountId, input, actor.userId);
    return this.brandVoice(null, accountId);
  }

  /** Saves one item of a generation to the library, with the generation's inputs. */
  async save(actor: MemberPrincipal, generationId: string, index: number, tags: string[] = []): Promise<ContentItem> {
    const gen = await this.repo.generation(generationId);
    if (!gen || !actor.ability.can('create', asSubject('Content', { accountId: gen.accountId }))) throw notFound('Generation');
    const item = gen.items[index];
    if (gen.status !== 'completed' || !item) throw badRequest('validation_failed', `The generation has no item ${index}.`, { index: `must be below ${gen.items.length}` });
    const row = await this.repo.insertItem(
      { accountId: gen.accountId, generationId: gen.id, kind: gen.kind, title: item.title, body: item.text, data: item.data, source: gen.source, status: 'idea', favourite: false, tags: [...new Set(tags)], inputs: { kind: gen.kind, options: gen.options } },
      actor.userId,
    );
    return toContentItem(row);
  }

  private async findOneOrFail(actor: MemberPrincipal, id: string): Promise<ContentItemRow> {
    const row = await this.repo.item(id);
    if (!row || !actor.ability.can('read', asSubject('Content', { accountId: row.accountId, status: row.status }))) throw notFound('Content item');
    return row;
  }

  async update(actor: MemberPrincipal, id: string, patch: { title?: string; text?: string; favourite?: boolean; tags?: string[]; status?: ContentStatus }): Promise<ContentItem> {
    const row = await this.findOneOrFail(actor, id);
    if (!actor.ability.can('update', asSubject('Content', { accountId: row.accountId, status: row.status }))) throw notFound('Content item');
    // A client's account: what the client sees (approved and later) is reached only by their approval.
    if (patch.status && CLIENT_VISIBLE_STATUSES.includes(patch.status) && !CLIENT_VISIBLE_STATUSES.includes(row.status) && (await this.repo.accountHasClient(row.accountId))) {
      throw conflict('approval_required', 'This account belongs to a client: send the item for approval; it becomes approved when the client approves it.', { status: 'needs the client’s approval' });
    }
    const { text, tags, ...rest } = patch;
    // Changing the words of an approved item of a client invalidates the approval: back to drafted.
    const reworded = (text !== undefined && text !== row.body) || (patch.title !== undefined && patch.title !== row.title);
    if (reworded && row.status === 'approved' && !patch.status && (await this.repo.accountHasClient(row.accountId))) rest.status = 'drafted';
    return toContentItem(await this.repo.updateItem(id, { ...rest, body: text, tags: tags && [...new Set(tags)] }));
  }

  async remove(actor: MemberPrincipal, id: string): Promise<void> {
    const row = await this.findOneOrFail(actor, id);
    if (!actor.ability.can('delete', asSubject('Content', { accountId: row.accountId, status: row.status }))) throw notFound('Content item');
    await this.repo.deleteItem(id);
  }

  /** The same CASL rules as the instance checks, as SQL filters: assigned accounts, and statuses for clients. */
  private filterFor(actor: MemberPrincipal, query: Omit<ContentListQuery, 'page' | 'pageSize'>): ItemFilter {
    const everything = actor.ability.can('read', 'all');
    const statuses = everything ? null : CONTENT_STATUSES.filter((s) => actor.assignedAccountIds.some((a) => actor.ability.can('read', asSubject('Content', { accountId: a, status: s }))));
    return { ...query, accountIds: everything ? null : actor.assignedAccountIds.filter((a) => actor.ability.can('read', asSubject('Content', { accountId: a, status: 'approved' }))), statuses };
  }

  async list(actor: MemberPrincipal, query: ContentListQuery) {
    const { page, pageSize, ...filters } = query;
    const { rows, total } = await this.repo.list(this.filterFor(actor, filters), pageSize, (page - 1) * pageSize);
    return { data: rows.map(toContentItem), page, pageSize, total };
  }

  async export(actor: MemberPrincipal, query: Omit<ContentListQuery, 'page' | 'pageSize'>, format: 'csv' | 'json'): Promise<{ body: string; contentType: string; filename: string }> {
    const filter = this.filterFor(actor, query);
    const all: ContentItem[] = [];
    for (let offset = 0; ; offset += 500) {
      const { rows } = await this.repo.list(filter, 500, offset);
      all.push(...rows.map(toContentItem));
      if (rows.length < 500 || all.length >= 10_000) break;
    }
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'json') return { body: JSON.stringify({ data: all }, null, 2), contentType: 'application/json; charset=utf-8', filename: `content-${stamp}.json` };
    const lines = [CONTENT_CSV_COLUMNS.join(',')];
    for (const i of all) lines.push([i.id, i.accountId, i.kind, i.status, String(i.favourite), i.tags.join('|'), i.title, i.text, i.source, i.createdAt].map(csvCell).join(','));
    return { body: `${lines.join('\r\n')}\r\n`, contentType: 'text/csv; charset=utf-8', filename: `content-${stamp}.csv` };
  }
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
