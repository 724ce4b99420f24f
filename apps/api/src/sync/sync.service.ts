import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  InstagramPermissionDenied,
  InstagramRateLimited,
  InstagramTokenExpired,
  type InstagramClient,
  type InstagramMedia,
} from '@instagrowth/instagram-graph';
import { ActivityBus } from '../core/activity/activity.bus.js';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import { badRequest, conflict, notFound } from '../core/errors/domain-error.js';
import { InstagramClientProvider } from '../core/instagram/instagram-client.provider.js';
import { MailService } from '../core/mail/mail.service.js';
import { JobRunner } from '../core/queue/job-runner.service.js';
import { JobsService } from '../core/queue/jobs.service.js';
import type { JobContext } from '../core/queue/job.types.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import type { InstagramAccount, SyncRun } from '../accounts/accounts.entity.js';
import { profileFields } from '../accounts/accounts.dto.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { TeamRepository } from '../team/team.repository.js';
import { addDays, DAILY_TOTAL_METRICS, dayOf, FRESH_POST_DAYS, NonRetryableError, OLD_POST_REFRESH_DAYS, SYNC_ATTEMPTS, toSyncRunView } from './sync.dto.js';
import { InstagramTokenVault, MissingInstagramTokenError } from '../core/instagram/token-vault.js';
import { InstagramDataRepository, type MetricUpsert } from '../instagram-data/instagram-data.repository.js';
import { SyncRepository } from './sync.repository.js';
import { syncAccountJob } from './sync.jobs.js';


/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

/**
 * Syncs an Instagram account into stored history: profile → daily snapshot, media (all pages),
 * media insights (daily for fresh posts, weekly for old ones), account reach as a daily series,
 * total-value metrics one day at a time, online followers best-effort. First connect backfills.
 */
@Injectable()
export class SyncService implements OnModuleInit {
  private readonly logger = new Logger('Sync');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
    private readonly ctx: TenantContext,
    private readonly accounts: AccountsRepository,
    private readonly repo: SyncRepository,
    private readonly data: InstagramDataRepository,
    private readonly instagram: InstagramClientProvider,
    private readonly team: TeamRepository,
    private readonly mail: MailService,
    private readonly vault: InstagramTokenVault,
    private readonly activity: ActivityBus,
    private readonly accountAccess: AccountsService,
  ) {}

  onModuleInit(): void {
    this.runner.handle(syncAccountJob, ({ accountId, runId }, job) => this.runJob(accountId, runId, job));
  }

  /** Starts a sync; a sync already queued or running for the account is returned instead of a second one. */
  async start(accountId: string, kind: SyncRun['kind']): Promise<SyncRun> {
    const latest = await this.repo.latestRun(accountId);
    if (latest && (latest.status === 'queued' || latest.status === 'running') && Date.now() - new Date(latest.createdAt).getTime() < 30 * 60_000) return latest;
    const run = await this.repo.createRun(accountId, kind);
    // "syncing" from the moment it is queued, so every open page follows it (not only the tab that asked).
    await this.accounts.setStatus(accountId, 'syncing');
    await this.jobs.dispatch(syncAccountJob, { accountId, runId: run.id }, { jobId: `sync-${this.ctx.tenant.id}-${run.id}` });
    return run;
  }

  /** "Refresh now": connected, not waiting for a reconnect, and within the plan. */
  async refresh(actor: MemberPrincipal, id: string) {
    const account = await this.accountAccess.findOneOrFail(actor, id, 'sync');
    if (account.kind === 'manual') throw badRequest('not_connected', 'A manual account has nothing to sync: update its numbers or import a CSV.');
    if (account.status === 'reconnect_required') throw conflict('reconnect_required', 'Instagram no longer accepts this connection. Reconnect the account first.');
    await this.accountAccess.assertWritable(account.id);
    const run = await this.start(account.id, 'manual');
    return { syncRunId: run.id };
  }

  async status(actor: MemberPrincipal, id: string) {
    const account = await this.accountAccess.findOneOrFail(actor, id);
    return this.latest(account.id);
  }

  async latest(accountId: string) {
    const run = await this.repo.latestRun(accountId);
    if (!run) throw notFound('Sync');
    return toSyncRunView(run);
  }

  private async runJob(accountId: string, runId: string, job: JobContext): Promise<void> {
    const account = await this.accounts.findById(accountId);
    if (!account || account.kind !== 'instagram') return;
    let calls = 0;
    const step = async (percent: number, label: string) => {
      await this.repo.progress(runId, percent, label);
      await job.progress(percent, label);
    };
    try {
      const client = await this.instagram.forAccount(this.ctx.tenant.id, account.igAppId);
      const token = this.vault.open(account);
      const counted = <T>(p: Promise<T>) => {
        calls++;
        return p;
      };
      await this.accounts.setStatus(account.id, 'syncing');
      await this.sync(client, account, token, step, counted);
      await this.accounts.update(account.id, { status: 'connected', lastSyncAt: new Date(), lastSyncError: null, backfilledAt: account.backfilledAt ?? new Date() });
      await this.repo.finishRun(runId, { status: 'completed', calls });
    } catch (error) {
      await this.fail(account, runId, error, job, calls);
      throw error;
    }
  }

  private async sync(
    client: InstagramClient,
    account: InstagramAccount,
    token: string,
    step: (percent: number, label: string) => Promise<void>,
    counted: <T>(p: Promise<T>) => Promise<T>,
  ): Promise<void> {
    const today = new Date();
    const todayDay = dayOf(today);

    await step(5, 'Reading profile');
    const me = await counted(client.getMe(token));
    const igUserId = me.user_id ?? account.igUserId ?? me.id;
    await this.accounts.update(account.id, { ...profileFields(me, account.username), igUserId });
    // Follower history starts at connect: the API has none before, so every day's /me is the record.
    await this.data.upsertAccountMetrics(account.id, 'api', [
      metric(todayDay, 'followers_count', me.followers_count),
      metric(todayDay, 'follows_count', me.follows_count),
      metric(todayDay, 'media_count', me.media_count),
    ]);

    await step(15, 'Listing posts');
    const listed: InstagramMedia[] = [];
    let page = 0;
    for await (const batch of client.listMedia(token, { igUserId, limit: 100 })) {
      page++;
      listed.push(...batch.items);
      await this.data.upsertMedia(
        batch.items.map((m) => ({
          id: m.id,
          accountId: account.id,
          source: 'instagram' as const,
          caption: m.caption ?? null,
          mediaType: m.media_type ?? null,
          mediaProductType: m.media_product_type ?? null,
          permalink: m.permalink ?? null,
          mediaUrl: m.media_url ?? null,
          thumbnailUrl: m.thumbnail_url ?? null,
          postedAt: m.timestamp ? new Date(m.timestamp) : today,
          likeCount: m.like_count ?? null,
          commentsCount: m.comments_count ?? null,
        })),
      );
      await step(Math.min(34, 15 + page * 4), `Listing posts (${listed.length} so far)`);
    }

    await step(35, `Reading insights for ${listed.length} posts`);
    const fetched = await this.data.mediaInsightState(account.id);
    const due = listed.filter((m) => {
      const last = fetched.get(m.id) ?? null;
      if (!last) return true;
      const ageDays = (today.getTime() - new Date(m.timestamp ?? today).getTime()) / 86_400_000;
      const sinceFetch = (today.getTime() - last.getTime()) / 86_400_000;
      return ageDays <= FRESH_POST_DAYS ? dayOf(last) !== todayDay : sinceFetch >= OLD_POST_REFRESH_DAYS;
    });
    let pending: (MetricUpsert & { mediaId: string })[] = [];
    let done = 0;
    await pool(due, 8, async (m) => {
      const results = await counted(client.getMediaInsights(token, { id: m.id, media_product_type: m.media_product_type, media_type: m.media_type }));
      pending.push(...results.map((r) => ({ mediaId: m.id, day: todayDay, metric: r.metric, value: r.value, status: r.status })));
      done++;
      if (pending.length >= 400) {
        const batch = pending;
        pending = [];
        await this.data.upsertMediaInsights(batch);
      }
      if (done % 25 === 0) await step(35 + Math.round((done / due.length) * 40), `Reading insights (${done}/${due.length} posts)`);
    });
    await this.data.upsertMediaInsights(pending);

    await step(75, 'Reading account reach');
    const firstConnect = !account.backfilledAt;
    const yesterday = addDays(today, -1);
    const since = addDays(today, firstConnect ? -this.config.instagram.backfillDays : -7);
    const reachStored = await this.data.storedDays(account.id, 'reach', dayOf(since), dayOf(yesterday));
    const reachMissing = daysBetween(since, yesterday).filter((d) => !reachStored.has(d));
    if (reachMissing.length) {
      const series = await counted(client.getAccountInsightsSeries(token, igUserId, { metric: 'reach', since: new Date(`${reachMissing[0]}T00:00:00Z`), until: new Date(`${reachMissing.at(-1)}T23:59:59Z`) }));
      await this.data.upsertAccountMetrics(
        account.id,
        'api',
        series.points.map((p) => ({ day: p.endTime.slice(0, 10), metric: 'reach', value: p.value, status: p.value === null ? 'unavailable' : 'ok' })),
      );
    }

    await step(85, 'Reading daily totals');
    const totalsStored = await this.data.storedDays(account.id, 'accounts_engaged', dayOf(since), dayOf(yesterday));
    const totalsMissing = daysBetween(since, yesterday).filter((d) => !totalsStored.has(d));
    await pool(totalsMissing, 4, async (day) => {
      const results = await counted(client.getAccountTotalValues(token, igUserId, { metrics: [...DAILY_TOTAL_METRICS], day }));
      await this.data.upsertAccountMetrics(account.id, 'api', results.map((r) => ({ day, metric: r.metric, value: r.value, status: r.status })));
    });

    await step(95, 'Reading when followers are online');
    try {
      const online = await counted(client.getOnlineFollowers(token, igUserId));
      await this.data.upsertOnlineFollowers(
        account.id,
        online.days.flatMap((d) => Object.entries(d.hours ?? {}).map(([hour, value]) => ({ day: d.endTime.slice(0, 10), hour: Number(hour), value }))),
      );
    } catch (error) {
      // Best-effort (API.md §4.3): only a dead token matters here.
      if (error instanceof InstagramTokenExpired) throw error;
    }
  }

  private async fail(account: InstagramAccount, runId: string, error: unknown, job: JobContext, calls: number): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof InstagramTokenExpired || (error instanceof InstagramPermissionDenied && error.needsReauth) || error instanceof NonRetryableError || error instanceof MissingInstagramTokenError) {
      await this.accounts.setStatus(account.id, 'reconnect_required', 'Instagram no longer accepts this connection. Reconnect the account.');
      await this.repo.finishRun(runId, { status: 'failed', error: 'Reconnect required', calls });
      await this.announceFailure(account, 'Reconnect required');
      await this.notifyReconnect(account);
      // Retrying cannot help: park the job.
      Object.assign(error as object, { retryable: false });
      return;
    }
    const last = job.attempt >= SYNC_ATTEMPTS;
    const readable =
      error instanceof InstagramRateLimited
        ? `Instagram asked us to slow down for this account; ${last ? 'the next daily sync will continue' : `retrying in about ${Math.ceil(error.retryAfterMs / 60_000)} min`}.`
        : `Sync failed: ${message}`;
    await this.accounts.setStatus(account.id, 'connected', readable);
    if (last) {
      await this.repo.finishRun(runId, { status: 'failed', error: readable, calls });
      await this.announceFailure(account, readable);
    } else await this.repo.progress(runId, 0, `Retrying: ${readable}`);
  }

  /** The console's live feed: a sync run that gave up (never the token, only the account and the reason). */
  private async announceFailure(account: InstagramAccount, reason: string): Promise<void> {
    const tenant = this.ctx.tenant;
    await this.activity.publish({ type: 'sync.failed', tenantId: tenant.id, tenantSlug: tenant.slug, accountId: account.id, summary: `Sync of @${account.username} failed in ${tenant.slug}: ${reason.slice(0, 200)}` });
  }

  async notifyReconnect(account: InstagramAccount): Promise<void> {
    const recipients = (await this.team.listMembers()).filter((m) => m.role === 'owner' || m.role === 'admin');
    const url = `${workspaceUrl(this.config, this.ctx.tenant.slug)}/accounts/${account.id}`;
    for (const r of recipients) {
      // At most one reconnect mail per account, recipient and day, however many syncs fail.
      await this.mail.send({
        tenantId: this.ctx.tenant.id,
        to: r.email,
        template: 'instagram-reconnect',
        vars: { username: account.username, url },
        key: `instagram-reconnect:${this.ctx.tenant.id}:${account.id}:${r.email}:${new Date().toISOString().slice(0, 10)}`,
      });
    }
    this.logger.warn(`Account ${account.id} in tenant ${this.ctx.tenant.id} needs a reconnect`);
  }
}

function metric(day: string, name: string, value: number | undefined): MetricUpsert {
  return value === undefined || value === null ? { day, metric: name, value: null, status: 'unavailable' } : { day, metric: name, value, status: 'ok' };
}

function daysBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  for (let d = new Date(`${dayOf(from)}T00:00:00Z`); d <= to; d = addDays(d, 1)) out.push(dayOf(d));
  return out;
}
