import { z } from 'zod';

export const RESERVED_SLUGS = [
  'admin', 'api', 'www', 'app', 'mail', 'email', 'smtp', 'imap', 'pop', 'ftp', 'ns1', 'ns2', 'dns',
  'static', 'assets', 'cdn', 'media', 'img', 'images', 'files', 'docs', 'help', 'support', 'status',
  'blog', 'billing', 'auth', 'login', 'signup', 'register', 'account', 'accounts', 'dashboard',
  'console', 'root', 'system', 'internal', 'dev', 'staging', 'test', 'demo-admin', 'webhooks',
  'webhook', 'oauth', 'callback', 'instagram', 'stripe', 'security', 'abuse', 'postmaster',
] as const;

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'must be at least 3 characters')
  .max(40, 'must be at most 40 characters')
  .regex(/^[a-z0-9-]+$/, 'may contain only a-z, 0-9 and -')
  .regex(/^[a-z0-9].*[a-z0-9]$/, 'must start and end with a letter or digit')
  .refine((s) => !(RESERVED_SLUGS as readonly string[]).includes(s), 'is reserved');

export const emailSchema = z.string().trim().toLowerCase().max(254, 'is too long').email('must be a valid e-mail address');

/** OWASP ASVS: at least 8 characters, long passphrases allowed. */
export const passwordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(256, 'must be at most 256 characters');

export const personNameSchema = z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters');

export const uuidParamSchema = z.string().uuid('must be a UUID');
