import { z } from 'zod';
import { safeString, text, unsafeTextReason } from './primitives.js';

export const RESERVED_SLUGS = [
  'admin', 'api', 'www', 'app', 'mail', 'email', 'smtp', 'imap', 'pop', 'ftp', 'ns1', 'ns2', 'dns',
  'static', 'assets', 'cdn', 'media', 'img', 'images', 'files', 'docs', 'help', 'support', 'status',
  'blog', 'billing', 'auth', 'login', 'signup', 'register', 'account', 'accounts', 'dashboard',
  'console', 'root', 'system', 'internal', 'dev', 'staging', 'test', 'demo-admin', 'webhooks',
  'webhook', 'oauth', 'callback', 'instagram', 'stripe', 'security', 'abuse', 'postmaster',
  // Names mail clients, DNS and browsers probe by convention; `demo` is the seeded demo's own.
  'demo', 'autodiscover', 'autoconfig', 'webmail', 'localhost', 'pop3', 'mx', 'ns', 'ns3', 'ns4',
  'wpad', 'isatap', 'cpanel', 'whm', 'mta-sts', 'smtp-relay', 'sip', 'vpn', 'ws', 'wss',
] as const;

/** Format only (the demo seed uses it for its reserved `demo`). */
export const slugFormatSchema = safeString()
  .trim()
  .toLowerCase()
  .min(3, 'must be at least 3 characters')
  .max(40, 'must be at most 40 characters')
  .regex(/^[a-z0-9-]+$/, 'may contain only a-z, 0-9 and -')
  .regex(/^[a-z0-9].*[a-z0-9]$/, 'must start and end with a letter or digit')
  // `xn--` is punycode (look-alike names); `--` in position 3-4 is reserved by IDNA, anywhere it reads badly.
  .refine((s) => !s.startsWith('xn--'), 'must not start with xn--')
  .refine((s) => !s.includes('--'), 'must not contain two hyphens in a row');

export const slugSchema = slugFormatSchema.refine((s) => !(RESERVED_SLUGS as readonly string[]).includes(s), 'is reserved');

export const emailSchema = safeString().trim().toLowerCase().max(254, 'is too long').email('must be a valid e-mail address');

/**
 * NIST SP 800-63B: at least 10 characters, long passphrases allowed, no composition rules. The API
 * also refuses common passwords and the user's own e-mail (it has the list and the context).
 */
export const passwordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(256, 'must be at most 256 characters')
  .superRefine((v, ctx) => {
    const reason = unsafeTextReason(v);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
    else if (!v.trim()) ctx.addIssue({ code: 'custom', message: 'must not be only spaces' });
  });

export const personNameSchema = text({ min: 1, max: 120 });

export const uuidParamSchema = z.string().uuid('must be a UUID');

/** An opaque token from a mailed link. */
export const opaqueTokenSchema = z.string().min(16, 'is not a valid token').max(256, 'is not a valid token').regex(/^[A-Za-z0-9_-]+$/, 'is not a valid token');
