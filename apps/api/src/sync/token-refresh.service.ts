import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InstagramTokenVault } from '../core/instagram/token-vault.js';
import { InstagramError, InstagramTokenExpired } from '@instagrowth/instagram-graph';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { InstagramClientProvider } from '../core/instagram/instagram-client.provider.js';
import { JobRunner } from '../core/queue/job-runner.service.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { SyncService } from './sync.service.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { refreshTokensJob } from './sync.jobs.js';

/**
 * Long-lived tokens last 60 days and can be refreshed once they are 24 h old (API.md §1.6). A
 * daily job refreshes those expiring within INSTAGRAM_TOKEN_REFRESH_DAYS; a refused refresh marks
 * the account "reconnect required" and tells the workspace's owners and admins.
 */
@Injectable()
export class TokenRefreshService implements OnModuleInit {
  private readonly logger = new Logger('TokenRefresh');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: JobRunner,
    private readonly accounts: AccountsRepository,
    private readonly provider: InstagramClientProvider,
    private readonly sync: SyncService,
    private readonly vault: InstagramTokenVault,
    private readonly ctx: TenantContext,
  ) {}

  onModuleInit(): void {
    this.runner.handle(refreshTokensJob, () => this.refreshDue());
  }

  /** Runs inside the tenant named by the job. Returns how many tokens were refreshed and how many failed. */
  async refreshDue(): Promise<{ refreshed: number; failed: number }> {
    const due = await this.accounts.listTokensToRefresh(this.config.instagram.tokenRefreshDays);
    if (!due.length) return { refreshed: 0, failed: 0 };
    let refreshed = 0;
    let failed = 0;
    for (const account of due) {
      try {
        // Through the app that issued the token (the workspace's own app, or the platform's).
        const client = await this.provider.forAccount(this.ctx.tenant.id, account.igAppId);
        const next = await client.refreshLongLived(this.vault.open(account));
        const now = new Date();
        // The refreshed token may differ from the old one: always store the new value.
        await this.accounts.update(account.id, {
          tokenEnc: this.vault.seal(account.id, next.accessToken),
          tokenExpiresAt: new Date(now.getTime() + next.expiresIn * 1000),
          tokenRefreshedAt: now,
        });
        refreshed++;
      } catch (error) {
        if (!(error instanceof InstagramError)) throw error;
        failed++;
        if (error instanceof InstagramTokenExpired || error.httpStatus === 400 || error.code === 190) {
          await this.accounts.setStatus(account.id, 'reconnect_required', 'Instagram refused to renew this connection. Reconnect the account.');
          await this.sync.notifyReconnect(account);
        } else {
          // Throttling or an outage: tomorrow's run tries again, well before expiry.
          this.logger.warn(`Token refresh for account ${account.id} failed and will be retried: ${error.message}`);
        }
      }
    }
    return { refreshed, failed };
  }
}
