import { Injectable } from '@nestjs/common';
import type { PlanUpdate } from '@instagrowth/contracts';
import { PlatformAuditRepository } from '../control/platform-audit.repository.js';
import type { AdminPrincipal } from '../core/auth/principal.js';
import { notFound } from '../core/errors/domain-error.js';
import { PlansRepository } from './plans.repository.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';

/** The plan catalogue (public) and its super-admin edits, plus hand assignment without Stripe. */
@Injectable()
export class PlansService {
  constructor(
    private readonly repo: PlansRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly audit: PlatformAuditRepository,
  ) {}

  async catalogue() {
    const [plans, products] = await Promise.all([this.repo.list(), this.repo.products()]);
    return { plans: plans.filter((p) => p.active), products: products.filter((p) => p.active) };
  }

  async update(admin: AdminPrincipal, key: string, input: PlanUpdate, ip: string) {
    const updated = await this.repo.update(key, input);
    if (!updated) throw notFound('Plan');
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'plan.updated', targetId: key, meta: { ...input }, ip });
    return updated;
  }

  /** A new workspace's trial of the plan picked on the landing page (no Stripe until checkout). */
  async startTrial(tenantId: number, planKey: string, trialEndsAt: Date | null): Promise<void> {
    const plan = (await this.repo.find(planKey)) ?? (await this.repo.find('pro'));
    if (!plan) return;
    await this.subscriptions.upsert(tenantId, {
      planKey: plan.key, interval: 'month', status: 'trialing', stripeCustomerId: null, stripeSubscriptionId: null,
      currentPeriodStart: null, currentPeriodEnd: null, trialEndsAt, cancelAtPeriodEnd: false, extraAccounts: 0, whiteLabelAddon: false, graceEndsAt: null,
    });
  }

  /**
   * Assigns a plan by hand (no Stripe, or a deal made elsewhere): the subscription row says so and
   * keeps any Stripe customer id so a later checkout still finds it.
   */
  async assign(admin: AdminPrincipal, tenantId: number, input: { plan: string; status: 'active' | 'trialing'; trialEndsAt?: string }, ip: string) {
    if (!(await this.subscriptions.tenantExists(tenantId))) throw notFound('Workspace');
    if (!(await this.repo.find(input.plan))) throw notFound('Plan');
    const trialEndsAt = input.status === 'trialing' ? new Date(input.trialEndsAt ?? Date.now() + 14 * 86_400_000) : null;
    await this.subscriptions.transaction(async () => {
      const current = await this.subscriptions.lock(tenantId);
      await this.subscriptions.upsert(tenantId, {
        planKey: input.plan, interval: current?.interval ?? 'month', status: input.status,
        stripeCustomerId: current?.stripeCustomerId ?? null, stripeSubscriptionId: null,
        currentPeriodStart: null, currentPeriodEnd: null, trialEndsAt, cancelAtPeriodEnd: false,
        extraAccounts: current?.extraAccounts ?? 0, whiteLabelAddon: current?.whiteLabelAddon ?? false, graceEndsAt: null,
      });
    });
    await this.audit.record({ actorType: 'admin', actorId: admin.adminId, action: 'tenant.plan_assigned', tenantId, targetId: String(tenantId), meta: { ...input }, ip });
    return { tenantId, plan: input.plan, status: input.status, trialEndsAt: trialEndsAt?.toISOString() ?? null };
  }
}
