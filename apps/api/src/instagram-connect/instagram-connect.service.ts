import { randomUUID } from 'node:crypto';
import { InstagramTokenVault } from '../core/instagram/token-vault.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InstagramError, InstagramOAuthError, isProfessionalAccount, missingScopes, parseCallbackQuery, type InstagramClient } from '@instagrowth/instagram-graph';
import type { OAuthCallbackQuery } from '@instagrowth/contracts';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { PrincipalRepository } from '../core/auth/principal.repository.js';
import { deriveKey } from '../core/crypto/tokens.js';
import { DomainError, forbidden } from '../core/errors/domain-error.js';
import { InstagramClientProvider } from '../core/instagram/instagram-client.provider.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { TenantsRepository } from '../control/tenants.repository.js';
import { AccountsIndexRepository } from '../accounts/accounts-index.repository.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { profileFields, REQUIRED_SCOPES } from '../accounts/accounts.dto.js';
import { SyncService } from '../sync/sync.service.js';
import { InstagramConnectRepository } from './instagram-connect.repository.js';
import { peekStateTenant, signState, verifyState } from './oauth-state.js';
import { WorkspaceApps } from '../core/instagram/workspace-apps.service.js';

/** What the callback answers: a redirect back to the workspace, or a page when there is no workspace to go back to. */
export type CallbackOutcome = { kind: 'redirect'; url: string } | { kind: 'page'; status: number; title: string; message: string };

@Injectable()
export class InstagramConnectService {
  private readonly logger = new Logger('InstagramConnect');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly provider: InstagramClientProvider,
    private readonly repo: InstagramConnectRepository,
    private readonly tenants: TenantsRepository,
    private readonly ctx: TenantContext,
    private readonly principals: PrincipalRepository,
    private readonly accounts: AccountsRepository,
    private readonly accountsService: AccountsService,
    private readonly index: AccountsIndexRepository,
    private readonly sync: SyncService,
    private readonly vault: InstagramTokenVault,
    private readonly apps: WorkspaceApps,
  ) {}

  /** Bound to both our secret and the workspace's Instagram app (its own, else the platform's): changing either voids states in flight. */
  private async stateKey(tenantId: number): Promise<Buffer> {
    const appId = (await this.apps.find(tenantId))?.appId ?? (await this.provider.settingsOrNull())?.appId ?? '';
    return deriveKey(this.config.appSecret, `oauth-state:${appId}`);
  }

  async authorizeUrl(actor: MemberPrincipal, accountId?: string): Promise<{ url: string }> {
    const { client } = await this.provider.forWorkspace(this.ctx.tenant.id);
    if (accountId) await this.accountsService.findOneOrFail(actor, accountId, 'update');
    else await this.accountsService.assertWithinLimit();
    const { state, nonce, expiresAt } = signState({ t: this.ctx.tenant.id, u: actor.userId }, await this.stateKey(this.ctx.tenant.id));
    await this.repo.saveState({ nonce, tenantId: this.ctx.tenant.id, userId: actor.userId, accountId: accountId ?? null, expiresAt });
    return { url: client.buildAuthorizeUrl({ state }) };
  }

  async callback(query: OAuthCallbackQuery): Promise<CallbackOutcome> {
    const parsed = parseCallbackQuery(query);
    // The state names its workspace; that workspace's app picks the key, and the MAC then proves the whole state.
    const check = verifyState(parsed.state, await this.stateKey(peekStateTenant(parsed.state) ?? 0));
    if (!check.ok) {
      return page(400, 'This connection link is not valid', check.reason === 'expired'
        ? 'The Instagram connection took longer than 10 minutes. Go back to your workspace and click "Connect Instagram" again.'
        : 'This Instagram connection did not start from InstaGrowth, or its link was changed. Go back to your workspace and click "Connect Instagram" again.');
    }
    // The workspace's app (its own, else the platform's), before the nonce is spent: a platform
    // without an Instagram app answers its page and the link still works once that is fixed.
    let app: { client: InstagramClient; appId: string | null };
    try {
      app = await this.provider.forWorkspace(check.payload.t);
    } catch (error) {
      return page(503, 'Instagram is not configured', error instanceof Error ? error.message : 'Instagram is not configured.');
    }
    const claimed = await this.repo.consumeState(check.payload.n);
    if (!claimed || claimed.tenantId !== check.payload.t || claimed.userId !== check.payload.u) {
      return page(400, 'This connection link was already used', 'Each "Connect Instagram" link works once. Go back to your workspace and start again.');
    }
    const tenant = await this.tenants.findById(claimed.tenantId);
    if (!tenant || tenant.status !== 'active') return page(404, 'Workspace not available', 'The workspace that started this connection no longer exists or is suspended.');
    const back = (params: Record<string, string>) => ({ kind: 'redirect' as const, url: `${workspaceUrl(this.config, tenant.slug)}/accounts?${new URLSearchParams(params)}` });

    if (parsed.kind === 'error') {
      return back({ error: parsed.error === 'access_denied' ? 'access_denied' : 'authorization_failed', message: parsed.error === 'access_denied' ? 'You cancelled the Instagram authorization, so nothing was connected.' : `Instagram did not authorize the connection (${parsed.errorDescription ?? parsed.error}).` });
    }

    return this.ctx.run(tenant, async () => {
      try {
        const accountId = await this.connect(app, parsed.code, claimed.userId, claimed.accountId);
        return back({ connected: accountId });
      } catch (error) {
        if (error instanceof DomainError) return back({ error: error.code, message: error.message });
        if (error instanceof InstagramOAuthError) {
          return back({ error: 'code_rejected', message: 'Instagram refused this authorization (it was already used or has expired). Click "Connect Instagram" to try again.' });
        }
        if (error instanceof InstagramError) {
          this.logger.warn(`Instagram error while connecting: ${error.message}`);
          return back({ error: 'instagram_error', message: 'Instagram answered with an error while connecting. Try again in a few minutes.' });
        }
        throw error;
      }
    });
  }

  private async connect(app: { client: InstagramClient; appId: string | null }, code: string, userId: string, reconnectAccountId: string | null): Promise<string> {
    const { client } = app;
    const member = await this.principals.findMember(userId);
    if (!member || member.role === 'client') throw forbidden('Only workspace staff can connect Instagram accounts.');
    const short = await client.exchangeCode(code);
    const missingRequired = missingScopes(short.permissions, REQUIRED_SCOPES);
    if (missingRequired.length) {
      throw new DomainError('missing_permissions', 400, `Instagram did not grant ${missingRequired.join(' and ')}. InstaGrowth needs profile and insights access: connect again and keep those permissions ticked.`);
    }
    const long = await client.exchangeLongLived(short.accessToken);
    const me = await client.getMe(long.accessToken);
    if (!isProfessionalAccount(me.account_type)) {
      throw new DomainError('not_professional', 400, `@${me.username ?? 'this account'} is a personal Instagram account. Switch it to a Business or Creator account in the Instagram app, then connect again — or add it as a manual account.`);
    }
    const igUserId = me.user_id ?? me.id;
    const existing = (reconnectAccountId ? await this.accounts.findById(reconnectAccountId) : null) ?? (await this.accounts.findLiveByIgUserId(igUserId));
    if (reconnectAccountId && existing && existing.igUserId && existing.igUserId !== igUserId) {
      throw new DomainError('wrong_account', 400, `You signed in to Instagram as @${me.username}, but this reconnect is for @${existing.username}. Log out of Instagram (or use "switch account") and try again.`);
    }
    if (!existing) await this.accountsService.assertWithinLimit();
    const id = existing?.id ?? randomUUID();
    const now = new Date();
    const fields = {
      kind: 'instagram' as const,
      igUserId,
      igAppScopedId: short.userId,
      // The app that issued this token: refreshes and webhook routing follow it.
      igAppId: app.appId,
      ...profileFields(me, existing?.username ?? igUserId),
      status: 'connected' as const,
      tokenEnc: this.vault.seal(id, long.accessToken),
      tokenExpiresAt: new Date(now.getTime() + long.expiresIn * 1000),
      tokenRefreshedAt: now,
      grantedScopes: short.permissions,
      lastSyncError: null,
    };
    if (existing) await this.accounts.update(id, fields);
    else await this.accounts.insert({ id, ...fields, connectedBy: userId });
    if (member.role === 'manager') await this.accounts.assign(userId, id);
    await this.index.upsert({ igUserId, tenantId: this.ctx.tenant.id, accountId: id, username: fields.username, status: 'connected', appId: app.appId });
    try {
      await client.subscribeWebhooks(long.accessToken, igUserId);
    } catch (error) {
      // Webhooks only feed the inbox; the connection itself stands.
      this.logger.warn(`Webhook subscription failed for account ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await this.sync.start(id, existing?.backfilledAt ? 'manual' : 'backfill');
    return id;
  }
}

function page(status: number, title: string, message: string): CallbackOutcome {
  return { kind: 'page', status, title, message };
}
