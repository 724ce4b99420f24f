export type HostRealm =
  | { realm: 'root' }
  | { realm: 'admin' }
  | { realm: 'workspace'; slug: string }
  | { realm: 'custom-domain'; hostname: string }
  | { realm: 'unknown'; hostname: string };

/**
 * What a Host header addresses, as a pure function of the header and BASE_DOMAIN:
 * the root domain (platform), `admin.` (super-admin), `<slug>.` (a workspace), or any other
 * name (a custom domain, looked up in the registry).
 */
export function classifyHost(hostHeader: string | undefined, baseDomain: string): HostRealm {
  const hostname = (hostHeader ?? '').trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  if (!hostname) return { realm: 'unknown', hostname };
  if (hostname === baseDomain) return { realm: 'root' };
  if (hostname.endsWith(`.${baseDomain}`)) {
    const label = hostname.slice(0, -(baseDomain.length + 1));
    if (label === 'admin') return { realm: 'admin' };
    if (label === 'www') return { realm: 'root' };
    if (/^[a-z0-9-]{1,63}$/.test(label)) return { realm: 'workspace', slug: label };
    return { realm: 'unknown', hostname };
  }
  // A bare IP (load balancer health checks) addresses nothing in particular.
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[')) return { realm: 'unknown', hostname };
  return { realm: 'custom-domain', hostname };
}
