import { Inject, Injectable } from '@nestjs/common';
import { asSubject } from '@instagrowth/authz';
import type { ApprovalSubject, ApprovalView } from '@instagrowth/contracts';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { conflict, forbidden, notFound } from '../core/errors/domain-error.js';
import { MailService } from '../core/mail/mail.service.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { ContentRepository } from '../content/content.repository.js';
import { CLIENT_VISIBLE_STATUSES } from '../content/content.service.js';
import { PlannerService } from '../planner/planner.service.js';
import type { ApprovalEventRow, ApprovalRow, Recipient } from './approvals.entity.js';
import { ApprovalsRepository, type Actor } from './approvals.repository.js';

const HEADLINE = {
  requested: 'Waiting for your approval',
  approved: 'Approved',
  changes_requested: 'Changes requested',
  commented: 'New comment',
  withdrawn: 'Approval request withdrawn',
  reminder: 'Still waiting for your approval',
} as const;

/** A request waiting this long gets a reminder to its client users, then again after as long. */
export const REMINDER_AFTER_MS = 2 * 86_400_000;

export function toApprovalView(r: ApprovalRow, events: ApprovalEventRow[]): ApprovalView {
  return {
    id: r.id,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    accountId: r.accountId,
    username: r.username,
    title: r.title,
    snapshot: r.snapshot,
    status: r.status,
    requestedBy: r.requestedByName,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    events: events.map((e) => ({ id: e.id, action: e.action, actorId: e.actorId, actorName: e.actorName, actorRole: e.actorRole, comment: e.comment, at: e.createdAt.toISOString() })),
  };
}

/**
 * Client approval of content items and growth plans. A manager sends an item; the client users of
 * its account approve it or ask for changes with a comment; both sides comment; every step is an
 * event (who, role, when, what they said). Approving is what moves a content item to `approved`.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: ApprovalsRepository,
    private readonly content: ContentRepository,
    private readonly planner: PlannerService,
    private readonly mail: MailService,
    private readonly ctx: TenantContext,
  ) {}

  private actor(p: MemberPrincipal): Actor {
    return { id: p.userId, name: p.name, role: p.role };
  }

  private async view(row: ApprovalRow): Promise<ApprovalView> {
    return toApprovalView(row, await this.repo.events([row.id]));
  }

  /** Not yours and not found answer the same 404. */
  private async visible(actor: MemberPrincipal, id: string): Promise<ApprovalRow> {
    const row = await this.repo.find(id);
    if (!row || !actor.ability.can('read', asSubject('Approval', { accountId: row.accountId }))) throw notFound('Approval request');
    return row;
  }

  /** What is sent: a snapshot of the item as it is now, so the client approves exactly what they saw. */
  private async subject(actor: MemberPrincipal, type: ApprovalSubject, id: string): Promise<{ accountId: string; title: string; snapshot: Record<string, unknown> }> {
    if (type === 'content') {
      const item = await this.content.item(id);
      if (!item || !actor.ability.can('read', asSubject('Content', { accountId: item.accountId, status: item.status }))) throw notFound('Content item');
      if (!actor.ability.can('update', asSubject('Content', { accountId: item.accountId, status: item.status }))) throw forbidden('You can see this item but not send it for approval.');
      if (CLIENT_VISIBLE_STATUSES.includes(item.status)) throw conflict('already_approved', `This item is already ${item.status}.`);
      return { accountId: item.accountId, title: item.title, snapshot: { kind: item.kind, title: item.title, text: item.body, data: item.data, tags: item.tags } };
    }
    const plan = await this.planner.view(actor, id);
    if (!actor.ability.can('update', asSubject('Plan', { accountId: plan.accountId }))) throw forbidden('You can see this plan but not send it for approval.');
    return {
      accountId: plan.accountId,
      title: `${plan.days}-day growth plan from ${plan.startDate}`,
      snapshot: { days: plan.days, startDate: plan.startDate, basis: plan.basis, goals: plan.goals, tasks: plan.tasks.map((t) => ({ day: t.day, date: t.date, type: t.type, title: t.title, suggestedTime: t.suggestedTime })) },
    };
  }

  async request(actor: MemberPrincipal, input: { subjectType: ApprovalSubject; subjectId: string; note?: string }): Promise<ApprovalView> {
    const s = await this.subject(actor, input.subjectType, input.subjectId);
    if (!actor.ability.can('create', asSubject('Approval', { accountId: s.accountId }))) throw forbidden('You cannot send items of this account for approval.');
    const recipients = await this.repo.clientRecipients(s.accountId);
    if (!recipients.length) throw conflict('no_client_users', 'No client user can see this account yet: attach it to a client with a client login first (Clients page).');
    const id = await this.repo.unitOfWork(async () => {
      const created = await this.repo.insertRequest({ ...s, subjectType: input.subjectType, subjectId: input.subjectId, requestedBy: actor.userId });
      if (!created) throw conflict('approval_pending', 'This item is already waiting for the client; add a comment to it instead.');
      await this.repo.insertEvent(created, 'requested', this.actor(actor), input.note?.trim() || null);
      if (input.subjectType === 'content') {
        const item = await this.content.item(input.subjectId);
        if (item?.status === 'idea') await this.content.updateItem(input.subjectId, { status: 'drafted' });
      }
      return created;
    });
    const row = (await this.repo.find(id))!;
    await this.notify(row, 'requested', actor, input.note ?? null, recipients);
    return this.view(row);
  }

  /** The client's answer: approve (the item becomes `approved`) or ask for changes (back to `drafted`, with a comment). */
  async decide(actor: MemberPrincipal, id: string, decision: 'approved' | 'changes_requested', comment?: string): Promise<ApprovalView> {
    const row = await this.visible(actor, id);
    if (actor.role !== 'client') throw forbidden('Only the client users of this account approve or ask for changes; add a comment instead.');
    if (row.status !== 'pending') throw conflict('approval_closed', `This request is already ${row.status.replace('_', ' ')}.`);
    await this.repo.unitOfWork(async () => {
      if (!(await this.repo.close(id, decision, actor.userId))) throw conflict('approval_closed', 'This request was answered a moment ago.');
      await this.repo.insertEvent(id, decision, this.actor(actor), comment?.trim() || null);
      if (row.subjectType === 'content' && (await this.content.item(row.subjectId))) {
        await this.content.updateItem(row.subjectId, { status: decision === 'approved' ? 'approved' : 'drafted' });
      }
    });
    const fresh = (await this.repo.find(id))!;
    const requester = await this.repo.user(row.requestedBy);
    await this.notify(fresh, decision, actor, comment ?? null, requester ? [requester] : []);
    return this.view(fresh);
  }

  /** Either side replies; the other side is told by mail. */
  async comment(actor: MemberPrincipal, id: string, comment: string): Promise<ApprovalView> {
    const row = await this.visible(actor, id);
    if (!actor.ability.can('update', asSubject('Approval', { accountId: row.accountId }))) throw forbidden('You can read this request but not comment on it.');
    await this.repo.unitOfWork(async () => {
      await this.repo.insertEvent(id, 'commented', this.actor(actor), comment.trim());
      await this.repo.touch(id);
    });
    const fresh = (await this.repo.find(id))!;
    const to = actor.role === 'client' ? [await this.repo.user(row.requestedBy)].filter((x): x is Recipient => !!x) : await this.repo.clientRecipients(row.accountId);
    await this.notify(fresh, 'commented', actor, comment, to);
    return this.view(fresh);
  }

  async withdraw(actor: MemberPrincipal, id: string): Promise<ApprovalView> {
    const row = await this.visible(actor, id);
    if (!actor.ability.can('create', asSubject('Approval', { accountId: row.accountId }))) throw forbidden('Only the team can withdraw a request.');
    await this.repo.unitOfWork(async () => {
      if (!(await this.repo.close(id, 'withdrawn', actor.userId))) throw conflict('approval_closed', `This request is already ${row.status.replace('_', ' ')}.`);
      await this.repo.insertEvent(id, 'withdrawn', this.actor(actor), null);
    });
    return this.view((await this.repo.find(id))!);
  }

  async get(actor: MemberPrincipal, id: string): Promise<ApprovalView> {
    return this.view(await this.visible(actor, id));
  }

  async list(actor: MemberPrincipal, query: { status?: ApprovalView['status']; subjectType?: ApprovalSubject; subjectId?: string; accountId?: string }) {
    const everything = actor.ability.can('read', 'all');
    const accountIds = everything ? null : actor.assignedAccountIds.filter((a) => actor.ability.can('read', asSubject('Approval', { accountId: a })));
    const rows = await this.repo.list({ ...query, accountIds });
    const events = await this.repo.events(rows.map((r) => r.id));
    return { data: rows.map((r) => toApprovalView(r, events.filter((e) => e.requestId === r.id))) };
  }

  /** The daily reminder (a job per workspace): pending requests older than two days, once per two days. */
  async remind(now = new Date()): Promise<number> {
    const due = await this.repo.dueForReminder(new Date(now.getTime() - REMINDER_AFTER_MS));
    for (const row of due) {
      await this.notify(row, 'reminder', { userId: '', name: row.requestedByName ?? 'The team' }, null, await this.repo.clientRecipients(row.accountId));
      await this.repo.markReminded(row.id);
    }
    return due.length;
  }

  private async notify(row: ApprovalRow, action: keyof typeof HEADLINE, actor: Pick<MemberPrincipal, 'userId' | 'name'>, comment: string | null, to: Recipient[]): Promise<void> {
    const url = `${workspaceUrl(this.config, this.ctx.tenant.slug)}/approvals/${row.id}`;
    const vars = { headline: `${HEADLINE[action]} (@${row.username})`, title: row.title, actor: actor.name, comment: comment ?? '', url };
    for (const r of to) {
      if (r.id === actor.userId) continue;
      await this.mail.send({ tenantId: this.ctx.tenant.id, to: r.email, template: `approval-${action.replace('_', '-')}`, vars });
    }
  }
}
