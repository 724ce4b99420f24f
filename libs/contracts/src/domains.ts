import { z } from 'zod';

/** A host name someone can point at us: lower-case labels, at least one dot, no scheme, port or path. */
export const hostnameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, 'is too long')
  .transform((v) => v.replace(/\.$/, ''))
  .pipe(z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as growth.agency.com'));

export const createDomainSchema = z.object({ hostname: hostnameSchema }).strict();
export const tlsAskQuerySchema = z.object({ domain: z.string().max(300, 'is too long') });

export const dnsRecordSchema = z.object({ type: z.enum(['CNAME', 'TXT']), name: z.string(), value: z.string() });
export const domainViewSchema = z.object({
  id: z.uuid(),
  hostname: z.string(),
  status: z.enum(['pending', 'verified']),
  /** Why it is still pending (or dropped back), in words. */
  reason: z.string().nullable(),
  records: z.array(dnsRecordSchema),
  verifiedAt: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DomainView = z.infer<typeof domainViewSchema>;
export const domainListSchema = z.object({ items: z.array(domainViewSchema) });
export const tlsAskSchema = z.object({ ok: z.literal(true) });
