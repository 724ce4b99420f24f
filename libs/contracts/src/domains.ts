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

/** Clients of an agency (records, accounts, members). */
const clientText = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
export const clientContactSchema = z.object({ name: clientText(120), email: z.string().trim().toLowerCase().max(254, 'is too long').email('must be a valid e-mail address').nullable().optional(), phone: z.string().trim().max(40, 'is too long').nullable().optional() });
export const clientInputSchema = z.object({ name: clientText(120), contacts: z.array(clientContactSchema).max(20, 'at most 20 contacts').default([]) }).strict();
export const clientIdsSchema = z.object({ ids: z.array(z.uuid('must be a UUID')).max(500, 'at most 500') }).strict();
export const clientViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  contacts: z.array(z.object({ name: z.string(), email: z.string().nullable().optional(), phone: z.string().nullable().optional() })),
  accountIds: z.array(z.string()),
  members: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() })),
  createdAt: z.string(),
});
export type ClientView = z.infer<typeof clientViewSchema>;
export const clientListSchema = z.object({ items: z.array(clientViewSchema) });
