import { Resolver } from 'node:dns/promises';

export interface DnsAnswer {
  txt: string[];
  cname: string[];
}

/**
 * DNS lookups for verification through `node:dns`'s Resolver (c-ares), pointed at DNS_SERVERS
 * when set. A missing name or record is an empty answer; other failures are thrown.
 */
export class DnsClient {
  constructor(private readonly servers: string[]) {}

  private resolver(): Resolver {
    const resolver = new Resolver({ timeout: 3000, tries: 2 });
    if (this.servers.length) resolver.setServers(this.servers);
    return resolver;
  }

  async lookup(hostname: string): Promise<DnsAnswer> {
    const resolver = this.resolver();
    const [txt, cname] = await Promise.all([
      resolver.resolveTxt(`_instagrowth.${hostname}`).then((rows) => rows.map((chunks) => chunks.join('')), emptyWhenAbsent),
      resolver.resolveCname(hostname).then((rows) => rows.map((r) => r.toLowerCase().replace(/\.$/, '')), emptyWhenAbsent),
    ]);
    return { txt, cname };
  }
}

const ABSENT = new Set(['ENOTFOUND', 'ENODATA', 'ENONAME', 'NXDOMAIN']);
function emptyWhenAbsent(error: NodeJS.ErrnoException): string[] {
  if (error.code && ABSENT.has(error.code)) return [];
  throw error;
}
