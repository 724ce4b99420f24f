import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AnnouncementView } from '@instagrowth/contracts';
import type { AdminPrincipal, MemberPrincipal } from '../core/auth/principal.js';
import { badRequest, notFound } from '../core/errors/domain-error.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { PlatformAuditRepository } from '../control/platform-audit.repository.js';
import { LimitsService } from '../limits/limits.service.js';
import { AnnouncementsRepository, type Announcement, type AnnouncementInput } from './announcements.repository.js';

const view = (a: Announcement): AnnouncementView => ({
  id: a.id, title: a.title, body: a.body, plans: a.plans, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
});

/**
 * Announcements: the super-admin writes them (audited) for every workspace or some plans, between
 * a start and an optional end; each workspace member sees the running ones for their workspace's
 * effective plan until they dismiss them (remembered on the server, per user).
 */
@Injectable()
export class AnnouncementsService {
  constructor(
    private readonly repo: AnnouncementsRepository,
    private readonly audit: PlatformAuditRepository,
    private readonly limits: LimitsService,
    private readonly ctx: TenantContext,
  ) {}

  async list() {
    return { data: (await this.repo.list()).map(view) };
  }

  async create(admin: AdminPrincipal, input: { title: string; body: string; plans: string[]; startsAt: string; endsAt: string | null }, ip: string) {
    const a = await this.repo.create(randomUUID(), await this.checked(input), admin.adminId);
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'announcement.created', targetId: a.id, meta: { title: a.title, plans: a.plans }, ip });
    return view(a);
  }

  async update(admin: AdminPrincipal, id: string, input: { title: string; body: string; plans: string[]; startsAt: string; endsAt: string | null }, ip: string) {
    const a = await this.repo.update(id, await this.checked(input));
    if (!a) throw notFound('Announcement');
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'announcement.updated', targetId: a.id, meta: { title: a.title, plans: a.plans }, ip });
    return view(a);
  }

  async remove(admin: AdminPrincipal, id: string, ip: string): Promise<void> {
    if (!(await this.repo.delete(id))) throw notFound('Announcement');
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'announcement.deleted', targetId: id, ip });
  }

  async forMember(principal: MemberPrincipal) {
    const plan = await this.limits.current();
    const list = await this.repo.activeFor(this.ctx.tenant.id, principal.userId, plan.plan.key);
    return { data: list.map((a) => ({ id: a.id, title: a.title, body: a.body, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt?.toISOString() ?? null })) };
  }

  /** Only an announcement this member can see can be dismissed; anything else is a 404. */
  async dismiss(principal: MemberPrincipal, id: string): Promise<void> {
    const plan = await this.limits.current();
    const [visible] = await this.repo.activeFor(this.ctx.tenant.id, principal.userId, plan.plan.key, id);
    if (!visible) throw notFound('Announcement');
    await this.repo.dismiss(id, this.ctx.tenant.id, principal.userId);
  }

  private async checked(input: { title: string; body: string; plans: string[]; startsAt: string; endsAt: string | null }): Promise<AnnouncementInput> {
    const known = new Set(await this.repo.planKeys());
    const unknown = input.plans.filter((p) => !known.has(p));
    if (unknown.length) throw badRequest('validation_failed', `Unknown plan: ${unknown.join(', ')}.`, { plans: `unknown plan ${unknown.join(', ')}` });
    return { title: input.title, body: input.body, plans: [...new Set(input.plans)], startsAt: new Date(input.startsAt), endsAt: input.endsAt ? new Date(input.endsAt) : null };
  }
}
