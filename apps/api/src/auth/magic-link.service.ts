import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, workspaceUrl, type AppConfig } from '../core/config/config.js';
import { hashToken, newOpaqueToken } from '../core/crypto/tokens.js';
import { badRequest, DomainError } from '../core/errors/domain-error.js';
import { MailService } from '../core/mail/mail.service.js';
import { JobRunner } from '../core/queue/job-runner.service.js';
import { JobsService } from '../core/queue/jobs.service.js';
import { RequestThrottle } from '../core/rate-limit/request-throttle.service.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import type { IssuedSession } from './auth.dto.js';
import { magicLinkJob } from './auth.jobs.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService, type ClientInfo } from './auth.service.js';
import { MagicLinkRepository } from './magic-link.repository.js';

export const MAGIC_LINK_TTL_MS = 15 * 60_000;

/**
 * E-mailed sign-in links for client users (who may never have set a password). The request
 * answers alike for every address; the lookup and the mail happen in a job, off the request.
 */
@Injectable()
export class MagicLinkService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: MagicLinkRepository,
    private readonly users: AuthRepository,
    private readonly auth: AuthService,
    private readonly mail: MailService,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
    private readonly requests: RequestThrottle,
    private readonly ctx: TenantContext,
  ) {}

  onModuleInit(): void {
    this.runner.handle(magicLinkJob, ({ email }) => this.send(email));
  }

  async request(email: string, ip: string): Promise<void> {
    // The same limits as forgot-password: they protect the inbox being mailed and our reputation.
    await this.requests.hit(
      { key: `magic:acct:t${this.ctx.tenant.id}:${email}`, max: 3, windowSeconds: 3600, what: 'sign-in links for this address' },
      { key: `magic:ip:${ip}`, max: 20, windowSeconds: 3600, what: 'sign-in links from your network' },
    );
    await this.jobs.dispatch(magicLinkJob, { email });
  }

  /** Client users only: staff sign in with their password (and owners may have more to protect). */
  private async send(email: string): Promise<void> {
    const user = await this.users.findUserByEmail(email);
    if (!user || user.role !== 'client') return;
    const token = newOpaqueToken();
    await this.links.insert(user.id, hashToken(token), new Date(Date.now() + MAGIC_LINK_TTL_MS));
    const url = `${workspaceUrl(this.config, this.ctx.tenant.slug)}/magic-link?token=${token}`;
    await this.mail.send({ tenantId: this.ctx.tenant.id, to: user.email, template: 'magic-link', vars: { name: user.name, url } });
  }

  async verify(token: string, client: ClientInfo): Promise<IssuedSession> {
    const hash = hashToken(token);
    const userId = await this.links.consume(hash);
    if (!userId) {
      const state = await this.links.state(hash);
      if (state === 'used') throw new DomainError('magic_link_used', 410, 'This sign-in link was already used. Ask for a new one on the sign-in page.');
      if (state === 'expired') throw new DomainError('magic_link_expired', 410, 'This sign-in link has expired (links last 15 minutes). Ask for a new one on the sign-in page.');
      throw badRequest('invalid_token', 'This sign-in link is not valid. Ask for a new one on the sign-in page.', { token: 'is not a valid sign-in link' });
    }
    const user = await this.users.findUserById(userId);
    if (!user) throw badRequest('invalid_token', 'This sign-in link is not valid. Ask for a new one on the sign-in page.', { token: 'is not a valid sign-in link' });
    // Following the mailed link proves the address.
    if (!user.emailVerifiedAt) await this.users.markEmailVerified(user.id);
    return this.auth.issueSession(user, crypto.randomUUID(), client);
  }
}
