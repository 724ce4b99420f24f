import { Injectable } from '@nestjs/common';
import { asSubject } from '@instagrowth/authz';
import { accountOverview, addDays, engagementSummary, isOk, localDay, mean, type EngineInput } from '@instagrowth/growth-engine';
import type { GrowthPlan } from '@instagrowth/contracts';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { badRequest, notFound } from '../core/errors/domain-error.js';
import { AccountDataRepository } from '../content/account-data.repository.js';
import { ContentAccess } from '../content/content-access.js';
import { ContentService } from '../content/content.service.js';
import { buildPlan, tasksForDay, postingSlots, formatSequence, type BuiltPlan } from './plan-builder.js';
import { buildPlanFromAudit } from './plan-from-audit.js';
import type { PlanRow, TaskRow } from './planner.entity.js';
import { PlannerRepository } from './planner.repository.js';


@Injectable()
export class PlannerService {
  constructor(
    private readonly repo: PlannerRepository,
    private readonly access: ContentAccess,
    private readonly content: ContentService,
    private readonly data: AccountDataRepository,
  ) {}

  private async inputFor(accountId: string, now: Date): Promise<{ input: EngineInput; niche: string }> {
    const voice = await this.content.brandVoice(null, accountId);
    const zone = await this.data.timeZone(accountId, voice.timeZone);
    return { input: await this.data.engineInput(accountId, zone, now), niche: voice.niche };
  }

  async create(actor: MemberPrincipal, accountId: string, days: 7 | 14 | 30, startDate?: string, now = new Date()): Promise<GrowthPlan> {
    await this.access.assert(actor, accountId, 'Plan', 'create');
    const { input, niche } = await this.inputFor(accountId, now);
    const start = startDate ?? addDays(localDay(now.toISOString(), input.account.timeZone), 1);
    const { plan, audit } = await this.build(accountId, input, days, start, niche);
    const id = await this.repo.unitOfWork(() => this.repo.insertPlan(accountId, plan, audit ? 'audit' : 'engine', actor.userId, audit));
    return this.view(actor, id, now);
  }

  /** From the latest completed audit when there is one (basis `audit`), else from the engine over stored data now. */
  private async build(accountId: string, input: EngineInput, days: 7 | 14 | 30, start: string, niche: string): Promise<{ plan: BuiltPlan; audit: { id: string; at: Date } | null }> {
    const latest = await this.repo.latestAudit(accountId);
    if (!latest) return { plan: buildPlan(input, days, start, niche), audit: null };
    const reach = accountOverview(input).dailyReach28d;
    return { plan: buildPlanFromAudit(latest.result, days, start, niche, isOk(reach) ? reach.value : null), audit: { id: latest.id, at: latest.finishedAt } };
  }

  async list(actor: MemberPrincipal, accountId?: string) {
    const everything = actor.ability.can('read', 'all');
    let ids = everything ? null : actor.assignedAccountIds.filter((a) => actor.ability.can('read', asSubject('Plan', { accountId: a })));
    if (accountId) ids = ids === null || ids.includes(accountId) ? [accountId] : [];
    const rows = await this.repo.plansOf(ids);
    return { data: rows.map((r) => ({ id: r.id, accountId: r.accountId, days: r.days, startDate: r.startDate, createdAt: r.createdAt.toISOString(), progress: { done: r.done, total: r.total } })) };
  }

  /** Not yours and not found answer the same 404. */
  async findOneOrFail(actor: MemberPrincipal, id: string, action: 'read' | 'update' = 'read'): Promise<PlanRow> {
    const plan = await this.repo.plan(id);
    if (!plan || !actor.ability.can('read', asSubject('Plan', { accountId: plan.accountId }))) throw notFound('Plan');
    if (action !== 'read') await this.access.assert(actor, plan.accountId, 'Plan', action);
    return plan;
  }

  async view(actor: MemberPrincipal, id: string, now = new Date()): Promise<GrowthPlan> {
    return this.present(await this.findOneOrFail(actor, id), now);
  }

  /** A plan by id with no actor: only for a share link that was already checked. */
  async viewShared(id: string, now = new Date()): Promise<GrowthPlan | null> {
    const plan = await this.repo.plan(id);
    return plan ? this.present(plan, now) : null;
  }

  private async present(plan: PlanRow, now: Date): Promise<GrowthPlan> {
    const [tasks, { input }] = await Promise.all([this.repo.tasks(plan.id), this.inputFor(plan.accountId, now)]);
    return present(plan, tasks, progressInput(input, plan.startDate), now);
  }

  async updateTask(actor: MemberPrincipal, planId: string, taskId: string, patch: { done?: boolean; day?: number }): Promise<GrowthPlan> {
    const plan = await this.findOneOrFail(actor, planId, 'update');
    const task = await this.repo.task(planId, taskId);
    if (!task) throw notFound('Task');
    if (patch.day !== undefined && patch.day > plan.days) throw badRequest('validation_failed', `This plan has ${plan.days} days.`, { day: `must be at most ${plan.days}` });
    await this.repo.unitOfWork(async () => {
      if (patch.done !== undefined) await this.repo.setDone(taskId, patch.done, actor.userId);
      if (patch.day !== undefined && patch.day !== task.day) await this.repo.moveTask(planId, taskId, patch.day);
    });
    return this.view(actor, planId);
  }

  /** Rebuilds one day's open tasks from today's data; completed tasks stay, and a type already done is not planned twice. */
  async regenerateDay(actor: MemberPrincipal, planId: string, day: number, now = new Date()): Promise<GrowthPlan> {
    const plan = await this.findOneOrFail(actor, planId, 'update');
    if (day > plan.days) throw badRequest('validation_failed', `This plan has ${plan.days} days.`, { day: `must be at most ${plan.days}` });
    const { input, niche } = await this.inputFor(plan.accountId, now);
    const { plan: fresh } = await this.build(plan.accountId, input, plan.days as 7 | 14 | 30, plan.startDate, niche);
    const existing = await this.repo.tasks(planId);
    const postsBefore = existing.filter((t) => t.day < day && t.type === 'post').length;
    const slots = postingSlots({ slots: fresh.bestTimes.slots, grid: fresh.bestTimes.grid }, fresh.postsPerWeek);
    const formats = formatSequence(fresh.mix.targets, postsBefore + 1);
    const planned = tasksForDay(day, plan.startDate, slots, () => formats[postsBefore], postsBefore, plan.days, niche);
    const doneToday = existing.filter((t) => t.day === day && t.doneAt);
    const doneTypes = new Set(doneToday.map((t) => t.type));
    await this.repo.unitOfWork(async () => {
      await this.repo.deleteOpenTasksOfDay(planId, day);
      await this.repo.insertTasks(planId, planned.filter((t) => !doneTypes.has(t.type)), new Map([[day, Math.max(-1, ...doneToday.map((t) => t.position)) + 1]]));
    });
    return this.view(actor, planId, now);
  }
}

interface ProgressInput {
  followers: number | null;
  reach: number | null;
  engagement: number | null;
}

/** What later syncs brought since the plan started (null until they bring it). */
export function progressInput(input: EngineInput, startDate: string): ProgressInput {
  const after = input.snapshots.filter((s) => s.day >= startDate);
  const followers = [...after].reverse().find((s) => s.followers !== null)?.followers ?? null;
  const reachDays = after.map((s) => s.reach).filter((r): r is number => typeof r === 'number');
  const since = Date.parse(`${startDate}T00:00:00Z`);
  const windowDays = Math.max(1, Math.ceil((Date.parse(input.now) - since) / 86_400_000));
  const summary = engagementSummary({ ...input, posts: input.posts.filter((p) => Date.parse(p.postedAt) >= since), windowDays });
  return { followers, reach: reachDays.length ? Math.round(mean(reachDays)!) : null, engagement: isOk(summary.followerMedian) ? Math.round(summary.followerMedian.value * 100) / 100 : null };
}

export function present(plan: PlanRow, tasks: TaskRow[], current: ProgressInput, now: Date): GrowthPlan {
  const today = localDay(now.toISOString(), plan.timeZone);
  return {
    id: plan.id,
    accountId: plan.accountId,
    days: plan.days,
    startDate: plan.startDate,
    timeZone: plan.timeZone,
    createdAt: plan.createdAt.toISOString(),
    basis: plan.basis,
    basisAudit: plan.auditId && plan.auditAt ? { id: plan.auditId, completedAt: plan.auditAt.toISOString() } : null,
    bestTimes: plan.bestTimes,
    mix: plan.mix,
    goals: plan.goals.map((g) => {
      const started = addDays(plan.startDate, (g.week - 1) * 7) <= today;
      const value = started ? current[g.metric] : null;
      const progress = value === null || g.baseline === null || g.target === null || g.target === g.baseline ? null : Math.max(0, Math.min(100, Math.round(((value - g.baseline) / (g.target - g.baseline)) * 100)));
      return { ...g, current: value, progress };
    }),
    tasks: tasks.map((t) => ({ id: t.id, day: t.day, date: addDays(plan.startDate, t.day - 1), position: t.position, type: t.type, title: t.title, details: t.details, format: t.format, suggestedTime: t.suggestedTime, done: t.doneAt !== null, doneAt: t.doneAt?.toISOString() ?? null })),
    progress: { done: tasks.filter((t) => t.doneAt).length, total: tasks.length },
  };
}
