import { Inject, Injectable } from '@nestjs/common';
import { asSubject, type Action } from '@instagrowth/authz';
import { followerEngagementRate } from '@instagrowth/growth-engine';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { accessibleFilter } from '../core/auth/casl-filter.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { badRequest, conflict, DomainError, forbidden, notFound } from '../core/errors/domain-error.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { InstagramDataRepository } from '../instagram-data/instagram-data.repository.js';
import { dayOf } from '../instagram-data/days.js';
import type { InstagramAccount } from './accounts.entity.js';
import { AccountsIndexRepository } from './accounts-index.repository.js';
import { AccountsRepository } from './accounts.repository.js';
import { toAccountSummary, type manualAccountSchema, type manualMetricsSchema } from './accounts.dto.js';
import { parsePostsCsv } from './csv-posts.js';
import { LimitsService } from '../limits/limits.service.js';

@Injectable()
export class AccountsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AccountsRepository,
    private readonly data: InstagramDataRepository,
    private readonly index: AccountsIndexRepository,
    private readonly ctx: TenantContext,
    private readonly limits: LimitsService,
  ) {}

  /** 402 `account_limit_reached` naming the plan that lifts it (the limits service decides). */
  async assertWithinLimit(): Promise<void> {
    await this.limits.assertCanAdd('accounts');
  }

  /** After a downgrade, accounts over the plan's limit keep their data but take no new data. */
  /** 402 `account_read_only` for an account over the plan's limit (downgrade keeps it, read-only). */
  async assertWritable(accountId: string): Promise<void> {
    if ((await this.limits.readOnlyAccountIds()).has(accountId)) {
      throw new DomainError('account_read_only', 402, 'This account is over your plan’s account limit, so it is read-only (nothing was deleted). An owner can pay the open invoice or upgrade on the billing page.');
    }
  }

  async list(actor: MemberPrincipal) {
    const filter = accessibleFilter(actor.ability, 'read', 'InstagramAccount');
    const { accounts, liveCount } = await this.repo.listWithLiveCount(filter);
    return { data: accounts.map(toAccountSummary), limit: { used: liveCount, max: (await this.limits.limit('accounts')) ?? Number.MAX_SAFE_INTEGER } };
  }

  /** Not-yours answers like not-found. */
  async findOneOrFail(actor: MemberPrincipal, id: string, action: Action = 'read'): Promise<InstagramAccount> {
    const account = await this.repo.findById(id);
    if (!account || !actor.ability.can(action, asSubject('InstagramAccount', { id: account.id }))) {
      if (account && action !== 'read' && actor.ability.can('read', asSubject('InstagramAccount', { id: account.id }))) {
        throw forbidden('You can see this account but not change it.');
      }
      throw notFound('Account');
    }
    return account;
  }

  async detail(actor: MemberPrincipal, id: string) {
    const account = await this.findOneOrFail(actor, id);
    return { ...toAccountSummary(account), biography: account.biography ?? null, website: account.website ?? null, history: await this.repo.history(account.id) };
  }

  /** A page of posts, newest first, with the total so the web app can paginate. */
  async media(actor: MemberPrincipal, id: string, limit: number, offset = 0) {
    const account = await this.findOneOrFail(actor, id);
    const rows = await this.repo.media(account.id, limit, offset);
    const total = await this.repo.mediaTotal(account.id);
    return {
      total,
      limit,
      offset,
      data: rows.map((m) => ({
        id: m.id,
        caption: m.caption,
        mediaType: m.mediaType,
        mediaProductType: m.mediaProductType,
        permalink: m.permalink,
        thumbnailUrl: m.thumbnailUrl,
        mediaUrl: m.mediaUrl,
        timestamp: m.postedAt.toISOString(),
        likeCount: m.likeCount,
        commentsCount: m.commentsCount,
        insights: m.insights,
        engagementRate: followerEngagementRate(
          {
            likes: m.insights.likes ?? m.likeCount,
            comments: m.insights.comments ?? m.commentsCount,
            saves: m.insights.saved ?? m.insights.saves ?? null,
            shares: m.insights.shares ?? null,
            reach: m.insights.reach ?? null,
          },
          account.followersCount ?? null,
        ),
      })),
    };
  }

  async createManual(actor: MemberPrincipal, input: z.infer<typeof manualAccountSchema>) {
    if (await this.repo.findLiveManualByUsername(input.username)) {
      throw conflict('account_exists', `@${input.username} is already in this workspace as a manual account.`, { username: `@${input.username} is already added` });
    }
    await this.assertWithinLimit();
    const account = await this.repo.insert({
      kind: 'manual',
      status: 'manual',
      username: input.username,
      name: input.name ?? null,
      followersCount: input.followersCount,
      followsCount: input.followsCount ?? null,
      mediaCount: input.mediaCount ?? null,
      connectedBy: actor.userId,
    });
    try {
      await this.recordManualMetrics(account.id, { ...input, day: undefined });
      if (actor.role === 'manager') await this.repo.assign(actor.userId, account.id);
    } catch (error) {
      // All or nothing: an account without its first numbers (or its manager) is removed again.
      await this.repo.deleteHard(account.id);
      throw error;
    }
    return toAccountSummary(account);
  }

  async updateManualMetrics(actor: MemberPrincipal, id: string, input: z.infer<typeof manualMetricsSchema>) {
    const account = await this.findOneOrFail(actor, id, 'update');
    if (account.kind !== 'manual') throw badRequest('not_manual', 'Numbers of a connected account come from Instagram; use Refresh instead.');
    await this.assertWritable(account.id);
    const changes = { followersCount: input.followersCount, followsCount: input.followsCount ?? account.followsCount, mediaCount: input.mediaCount ?? account.mediaCount };
    await this.repo.update(account.id, changes);
    await this.recordManualMetrics(account.id, input);
    return toAccountSummary({ ...account, ...changes });
  }

  private async recordManualMetrics(accountId: string, input: { followersCount: number; followsCount?: number; mediaCount?: number; day?: string }) {
    const day = input.day ?? dayOf(new Date());
    const rows = [
      { day, metric: 'followers_count', value: input.followersCount, status: 'ok' as const },
      ...(input.followsCount === undefined ? [] : [{ day, metric: 'follows_count', value: input.followsCount, status: 'ok' as const }]),
      ...(input.mediaCount === undefined ? [] : [{ day, metric: 'media_count', value: input.mediaCount, status: 'ok' as const }]),
    ];
    await this.data.upsertAccountMetrics(accountId, 'manual', rows);
  }

  async importCsv(actor: MemberPrincipal, id: string, csv: string) {
    const account = await this.findOneOrFail(actor, id, 'update');
    if (account.kind !== 'manual') throw badRequest('not_manual', 'Posts of a connected account come from Instagram; CSV import is for manual accounts.');
    await this.assertWritable(account.id);
    const { posts, rejected } = parsePostsCsv(csv);
    // Ids derive from the row's content, so importing the same file twice updates instead of duplicating.
    const idFor = (p: (typeof posts)[number]) => `csv:${account.id}:${p.postedAt.toISOString()}:${(p.caption ?? '').slice(0, 40)}`;
    await this.data.upsertMedia(
      posts.map((p) => ({
        id: idFor(p),
        accountId: account.id,
        source: 'csv' as const,
        caption: p.caption,
        mediaType: p.mediaType === 'REEL' ? 'VIDEO' : p.mediaType,
        mediaProductType: p.mediaType === 'REEL' ? 'REELS' : 'FEED',
        permalink: p.permalink,
        mediaUrl: null,
        thumbnailUrl: null,
        postedAt: p.postedAt,
        likeCount: p.metrics.likes,
        commentsCount: p.metrics.comments,
      })),
    );
    const day = dayOf(new Date());
    const names = { likes: 'likes', comments: 'comments', saves: 'saved', shares: 'shares', reach: 'reach', views: 'views' } as const;
    await this.data.upsertMediaInsights(
      posts.flatMap((p) =>
        (Object.keys(names) as (keyof typeof names)[]).map((k) => ({ mediaId: idFor(p), day, metric: names[k], value: p.metrics[k], status: p.metrics[k] === null ? ('unavailable' as const) : ('ok' as const) })),
      ),
    );
    return { imported: posts.length, rejected };
  }

  async disconnect(actor: MemberPrincipal, id: string): Promise<void> {
    const account = await this.findOneOrFail(actor, id, 'delete');
    // History stays (reports keep working); the token is destroyed.
    await this.repo.update(account.id, { status: 'disconnected', tokenEnc: null, tokenExpiresAt: null });
    if (account.igUserId) await this.index.remove(account.igUserId, this.ctx.tenant.id, account.id);
  }

  async assignments(actor: MemberPrincipal, id: string) {
    const account = await this.findOneOrFail(actor, id);
    return { data: await this.repo.listAssignments(account.id) };
  }

  async setAssignments(actor: MemberPrincipal, id: string, userIds: string[]) {
    const account = await this.findOneOrFail(actor, id, 'assign');
    const stored = await this.repo.setAssignments(account.id, [...new Set(userIds)]);
    if (!stored) {
      throw badRequest('invalid_assignees', 'Only managers and clients of this workspace can be assigned to an account.', { userIds: 'contains someone who is not a manager or client here' });
    }
    return { data: await this.repo.listAssignments(account.id) };
  }
}
