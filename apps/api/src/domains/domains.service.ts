import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DomainView } from '@instagrowth/contracts';
import { hostnameSchema } from '@instagrowth/contracts';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { badRequest, conflict, notFound } from '../core/errors/domain-error.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { TenantResolver } from '../core/tenancy/tenant-resolver.service.js';
import { LimitsService } from '../limits/limits.service.js';
import { DnsClient } from './dns.client.js';
import { TXT_PREFIX, type DomainRow } from './domains.entity.js';
import { DomainsRepository } from './domains.repository.js';

/** The outcome of looking at a domain's DNS: verified or not, and in words why not. */
export function judge(row: Pick<DomainRow, 'hostname' | 'verificationToken'>, answer: { txt: string[]; cname: string[] }, target: string): { verified: boolean; reason: string | null } {
  const expected = `${TXT_PREFIX}${row.verificationToken}`;
  const txtOk = answer.txt.some((v) => v.trim() === expected);
  const cnameOk = answer.cname.includes(target);
  if (!txtOk) {
    const found = answer.txt.filter((v) => v.startsWith(TXT_PREFIX));
    return {
      verified: false,
      reason: found.length ? `The TXT record at _instagrowth.${row.hostname} holds a different token; set it to ${expected}.` : `No TXT record ${expected} found at _instagrowth.${row.hostname} yet.`,
    };
  }
  // Ownership is proven by the TXT record; the CNAME is what brings the traffic, so say if it is missing.
  return { verified: true, reason: cnameOk ? null : `Verified. ${row.hostname} does not have a CNAME to ${target} yet, so visitors will not arrive until it does.` };
}

@Injectable()
export class DomainsService {
  private readonly logger = new Logger('Domains');
  private readonly dns: DnsClient;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: DomainsRepository,
    private readonly ctx: TenantContext,
    private readonly limits: LimitsService,
    private readonly resolver: TenantResolver,
  ) {
    this.dns = new DnsClient(config.domains.dnsServers);
  }

  view(row: DomainRow): DomainView {
    return {
      id: row.id,
      hostname: row.hostname,
      status: row.verifiedAt ? 'verified' : 'pending',
      reason: row.lastError,
      records: [
        { type: 'CNAME', name: row.hostname, value: this.config.domains.cnameTarget },
        { type: 'TXT', name: `_instagrowth.${row.hostname}`, value: `${TXT_PREFIX}${row.verificationToken}` },
      ],
      verifiedAt: row.verifiedAt?.toISOString() ?? null,
      lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  }

  async list() {
    return { items: (await this.repo.list(this.ctx.tenant.id)).map((r) => this.view(r)) };
  }

  async add(hostname: string): Promise<DomainView> {
    // The plan decides: the feature at all (403), then how many domains (402, like accounts and seats).
    await this.limits.assertFeature('customDomains');
    await this.limits.assertCanAdd('customDomains');
    const base = this.config.baseDomain;
    if (hostname === base || hostname.endsWith(`.${base}`)) throw badRequest('reserved_domain', `Names under ${base} are the platform's own; add a domain you control.`, { hostname: `must not be under ${base}` });
    const row = await this.repo.insert(this.ctx.tenant.id, hostname, randomBytes(16).toString('hex'));
    if (!row) throw conflict('domain_taken', `${hostname} is already added to a workspace.`, { hostname: 'is already added' });
    return this.view(row);
  }

  private async mine(id: string): Promise<DomainRow> {
    const row = await this.repo.find(this.ctx.tenant.id, id);
    if (!row) throw notFound('Domain');
    return row;
  }

  async verify(id: string): Promise<DomainView> {
    return this.view(await this.check(await this.mine(id)));
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repo.delete(this.ctx.tenant.id, id))) throw notFound('Domain');
    // Routing stops now here and, through the resolver's invalidation, in every other process.
    await this.resolver.invalidate();
  }

  /** Looks up DNS once and records the outcome; routing changes take effect at once. */
  async check(row: DomainRow): Promise<DomainRow> {
    let verdict: { verified: boolean; reason: string | null };
    try {
      verdict = judge(row, await this.dns.lookup(row.hostname), this.config.domains.cnameTarget);
    } catch (error) {
      // A DNS outage is not evidence the record is gone: keep the current state, say why.
      const reason = `DNS lookup failed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); will retry.`;
      return (await this.repo.recordCheck(row.id, row.verifiedAt !== null, reason)) ?? row;
    }
    const updated = (await this.repo.recordCheck(row.id, verdict.verified, verdict.reason)) ?? row;
    if ((row.verifiedAt !== null) !== verdict.verified) {
      this.logger.log(`${row.hostname} is now ${verdict.verified ? 'verified' : 'pending'}`);
      await this.resolver.invalidate();
    }
    return updated;
  }

  /** The periodic re-check: every domain, verified or not (a record removed later drops it). */
  async recheckAll(): Promise<{ checked: number; changed: number }> {
    let changed = 0;
    const rows = await this.repo.listAll();
    for (const row of rows) {
      const after = await this.check(row);
      if ((after.verifiedAt !== null) !== (row.verifiedAt !== null)) changed++;
    }
    return { checked: rows.length, changed };
  }

  /** Caddy's on-demand TLS `ask`: only names we would serve. */
  async mayIssue(raw: string): Promise<boolean> {
    const parsed = hostnameSchema.safeParse(raw);
    return parsed.success && (await this.repo.isActiveVerified(parsed.data));
  }
}
