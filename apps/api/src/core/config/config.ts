import { isIP } from 'node:net';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const booleanString = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.string().optional().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  BASE_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/, 'must be a lower-case host name without scheme or port')
    .default('localhost'),
  APP_URL: z.string().url('must be an absolute URL such as http://localhost:3000').optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional(),
  REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9:_-]{1,40}$/, 'must be 1-40 of a-z, 0-9, : _ -').default('ig'),
  DATA_DIR: z.string().default('.data'),
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SETTINGS_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
  REQUIRE_SECRETS: booleanString,
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  WEB_DIST_DIR: z.string().optional(),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean))
    .refine((list) => list.every(isIpOrCidr), 'must be a comma-separated list of IP addresses or CIDR ranges, e.g. 10.0.0.0/8,127.0.0.1'),
  DEFAULT_ACCOUNT_LIMIT: z.coerce.number().int().min(0).default(5),
  TRIAL_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  DEFAULT_AI_CREDITS: z.coerce.number().int().min(0).max(1_000_000).default(10),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  ADMIN_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  ADMIN_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  IMPERSONATION_MINUTES: z.coerce.number().int().min(1).max(30).default(30),
  TENANT_DELETION_GRACE_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  MIGRATION_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  INSTAGRAM_AUTHORIZE_URL: z.string().url().default('https://www.instagram.com/oauth/authorize'),
  INSTAGRAM_API_BASE_URL: z.string().url().default('https://api.instagram.com'),
  INSTAGRAM_GRAPH_BASE_URL: z.string().url().default('https://graph.instagram.com'),
  INSTAGRAM_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/, 'must look like v25.0').default('v25.0'),
  INSTAGRAM_APP_ID: z.string().optional(),
  INSTAGRAM_APP_SECRET: z.string().optional(),
  INSTAGRAM_REDIRECT_URI: z.string().url().optional(),
  INSTAGRAM_WEBHOOK_VERIFY_TOKEN: z.string().optional(),
  INSTAGRAM_SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  INSTAGRAM_TOKEN_REFRESH_DAYS: z.coerce.number().int().min(1).max(59).default(10),
  INSTAGRAM_BACKFILL_DAYS: z.coerce.number().int().min(1).max(90).default(90),
  PUPPETEER_EXECUTABLE_PATH: z.string().min(1).default('/usr/bin/chromium'),
  PDF_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  PDF_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(60_000),
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  // USD per million tokens, "model=input/output,…"; unknown models are costed at the first entry.
  OPENAI_PRICES: z.string().regex(/^[\w.:-]+=\d+(\.\d+)?\/\d+(\.\d+)?(,[\w.:-]+=\d+(\.\d+)?\/\d+(\.\d+)?)*$/, 'must look like gpt-4o-mini=0.15/0.6,gpt-4o=2.5/10').default('gpt-4o-mini=0.15/0.6,gpt-4o=2.5/10,gpt-4.1-mini=0.4/1.6'),
  TRIAL_PLAN: z.enum(['starter', 'pro', 'agency', 'enterprise']).default('pro'),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_BASE_URL: z.string().url('must be an absolute URL such as http://127.0.0.1:12111').optional(),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.string().url('must be an absolute URL such as http://127.0.0.1:12112').optional(),
  RESEND_WEBHOOK_SECRET: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('InstaGrowth <hello@instagrowth.test>'),
  BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  REFERRAL_COMMISSION_PERCENT: z.coerce.number().min(0).max(100).default(20),
  REFERRAL_HOLD_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  DNS_SERVERS: z
    .string()
    .regex(/^\s*$|^([0-9a-fA-F.:\[\]]+)(\s*,\s*[0-9a-fA-F.:\[\]]+)*$/, 'must be comma-separated host:port entries such as 1.1.1.1:53')
    .optional(),
  CUSTOM_DOMAIN_TARGET: z.string().regex(/^[a-z0-9.-]+$/, 'must be a host name').optional(),
  // S3-compatible object storage for uploaded assets; unset S3_BUCKET = local disk under DATA_DIR.
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name').optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
});

export interface AppConfig {
  env: string;
  port: number;
  host: string;
  baseDomain: string;
  /** Root URL with scheme and port; workspace URLs put the slug in front of its host. */
  appUrl: URL;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** How long a request waits for a pooled connection (or a new one to connect) before it answers 503. */
  databaseConnectTimeoutMs: number;
  redisUrl: string | undefined;
  /** Namespaces queues and counters, so several deployments (or test files) can share one Redis. */
  redisPrefix: string;
  dataDir: string;
  appSecret: string;
  settingsKey: Buffer;
  seedDemo: boolean;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  webDistDir: string | undefined;
  /** Proxies whose X-Forwarded-* headers are believed; the client IP is the right-most hop not in this list. */
  trustedProxies: string[];
  defaultAccountLimit: number;
  trialDays: number;
  /** AI credits granted per calendar month until billing grants per plan. */
  defaultAiCredits: number;
  login: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowSeconds: number };
  /** The super-admin console: idle timeout and absolute lifetime of an admin session, impersonation length (≤ 30 min), deletion grace. */
  console: { adminIdleTimeoutMinutes: number; adminSessionMaxHours: number; impersonationMinutes: number; deletionGraceDays: number };
  migrationConcurrency: number;
  instagram: {
    authorizeUrl: string;
    apiBaseUrl: string;
    graphBaseUrl: string;
    graphVersion: string;
    /** Env fallbacks; system settings (super-admin) override them. */
    appId: string | undefined;
    appSecret: string | undefined;
    redirectUri: string | undefined;
    webhookVerifyToken: string | undefined;
    /** Accounts synced at once per process. */
    syncConcurrency: number;
    /** Refresh tokens that expire within this many days. */
    tokenRefreshDays: number;
    /** Days of account insights fetched on first connect (the API keeps 90). */
    backfillDays: number;
  };
  /** The PDF renderer: the system Chromium, renders at once per process, and a per-render timeout. */
  pdf: { executablePath: string; concurrency: number; timeoutMs: number };
  /** OpenAI (the super-admin's settings override key, base URL and model); prices in USD per 1M tokens. */
  /** Where the Resend SDK talks to (tests point it at a local server). */
  resend: { baseUrl: string | undefined };
  openai: { apiKey?: string; baseUrl?: string; model: string; timeoutMs: number; maxRetries: number; prices: Record<string, { input: number; output: number }> };
  billing: {
    /** The plan a sign-up's trial is of when the landing page named none. */
    trialPlan: 'starter' | 'pro' | 'agency' | 'enterprise';
    /** Env fallbacks; system settings (super-admin) override them. */
    stripeSecretKey: string | undefined;
    stripeWebhookSecret: string | undefined;
    /** Where the Stripe SDK talks to (a fake server in tests); unset = Stripe. */
    stripeApiBaseUrl: string | undefined;
    /** Days a past-due workspace keeps its plan before the downgrade. */
    graceDays: number;
    referralCommissionPercent: number;
    /** Days a commission stays pending (refund window) before it is payable. */
    referralHoldDays: number;
  };
  /** E-mail through Resend (system settings override the key, sender and webhook secret); no key = the outbox. */
  mail: { resendApiKey: string | undefined; resendBaseUrl: string | undefined; resendWebhookSecret: string | undefined; from: string };
  /** Custom domains: resolvers for verification (empty = the system's) and the CNAME target shown to users. */
  domains: { dnsServers: string[]; cnameTarget: string };
  /** Object storage for uploads: null = local disk under dataDir. */
  s3: { bucket: string; endpoint?: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean } | null;
  /** Warnings found while loading (generated secrets, …), printed once at boot. */
  warnings: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads and validates the environment once. Every bad variable is reported together, so a
 * deployment is fixed in one go rather than one restart per typo.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const warnings: string[] = [];
  const dataDir = resolve(e.DATA_DIR);
  const problems: string[] = [];
  if (e.REQUIRE_SECRETS) {
    if (!e.APP_SECRET) problems.push('APP_SECRET: required when REQUIRE_SECRETS=true');
    if (!e.SETTINGS_ENCRYPTION_KEY) problems.push('SETTINGS_ENCRYPTION_KEY: required when REQUIRE_SECRETS=true');
  }
  if (e.S3_BUCKET && Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY)) {
    problems.push('S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither (neither = the AWS SDK default credential chain)');
  }
  if (problems.length) throw new ConfigError(problems);

  const appSecret = e.APP_SECRET ?? generatedSecret(dataDir, 'app-secret', 48, warnings, 'APP_SECRET');
  const settingsKeyHex =
    e.SETTINGS_ENCRYPTION_KEY ?? generatedSecret(dataDir, 'settings-key', 32, warnings, 'SETTINGS_ENCRYPTION_KEY');
  const appUrl = new URL(e.APP_URL ?? `http://${e.BASE_DOMAIN}:${e.PORT}`);

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseDomain: e.BASE_DOMAIN,
    appUrl,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseConnectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    dataDir,
    appSecret,
    settingsKey: Buffer.from(settingsKeyHex, 'hex'),
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO === 'true' : !e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    trustedProxies: e.TRUSTED_PROXIES,
    webDistDir: e.WEB_DIST_DIR,
    defaultAccountLimit: e.DEFAULT_ACCOUNT_LIMIT,
    trialDays: e.TRIAL_DAYS,
    defaultAiCredits: e.DEFAULT_AI_CREDITS,
    login: {
      maxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: e.LOGIN_WINDOW_SECONDS,
    },
    migrationConcurrency: e.MIGRATION_CONCURRENCY,
    console: {
      adminIdleTimeoutMinutes: e.ADMIN_IDLE_TIMEOUT_MINUTES,
      adminSessionMaxHours: e.ADMIN_SESSION_MAX_HOURS,
      impersonationMinutes: e.IMPERSONATION_MINUTES,
      deletionGraceDays: e.TENANT_DELETION_GRACE_DAYS,
    },
    mail: { resendApiKey: e.RESEND_API_KEY, resendBaseUrl: e.RESEND_BASE_URL, resendWebhookSecret: e.RESEND_WEBHOOK_SECRET, from: e.MAIL_FROM },
    billing: {
      trialPlan: e.TRIAL_PLAN,
      stripeSecretKey: e.STRIPE_SECRET_KEY,
      stripeWebhookSecret: e.STRIPE_WEBHOOK_SECRET,
      stripeApiBaseUrl: e.STRIPE_API_BASE_URL,
      graceDays: e.BILLING_GRACE_DAYS,
      referralCommissionPercent: e.REFERRAL_COMMISSION_PERCENT,
      referralHoldDays: e.REFERRAL_HOLD_DAYS,
    },
    instagram: {
      authorizeUrl: e.INSTAGRAM_AUTHORIZE_URL,
      apiBaseUrl: e.INSTAGRAM_API_BASE_URL,
      graphBaseUrl: e.INSTAGRAM_GRAPH_BASE_URL,
      graphVersion: e.INSTAGRAM_GRAPH_VERSION,
      appId: e.INSTAGRAM_APP_ID,
      appSecret: e.INSTAGRAM_APP_SECRET,
      redirectUri: e.INSTAGRAM_REDIRECT_URI,
      webhookVerifyToken: e.INSTAGRAM_WEBHOOK_VERIFY_TOKEN,
      syncConcurrency: e.INSTAGRAM_SYNC_CONCURRENCY,
      tokenRefreshDays: e.INSTAGRAM_TOKEN_REFRESH_DAYS,
      backfillDays: e.INSTAGRAM_BACKFILL_DAYS,
    },
    resend: { baseUrl: e.RESEND_BASE_URL },
    pdf: { executablePath: e.PUPPETEER_EXECUTABLE_PATH, concurrency: e.PDF_CONCURRENCY, timeoutMs: e.PDF_TIMEOUT_MS },
    openai: {
      apiKey: e.OPENAI_API_KEY || undefined,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      timeoutMs: e.OPENAI_TIMEOUT_MS,
      maxRetries: e.OPENAI_MAX_RETRIES,
      prices: Object.fromEntries(
        e.OPENAI_PRICES.split(',').map((entry) => {
          const [model, pair] = entry.split('=');
          const [input, output] = pair.split('/').map(Number);
          return [model, { input, output }];
        }),
      ),
    },
    domains: {
      dnsServers: (e.DNS_SERVERS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      cnameTarget: e.CUSTOM_DOMAIN_TARGET ?? appUrl.hostname,
    },
    s3: e.S3_BUCKET
      ? {
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          // MinIO and most self-hosted S3s need path-style (`endpoint/bucket/key`); AWS prefers virtual hosts.
          forcePathStyle: e.S3_FORCE_PATH_STYLE ? e.S3_FORCE_PATH_STYLE === 'true' : Boolean(e.S3_ENDPOINT),
        }
      : null,
    warnings,
  };
}

/** A secret generated on first boot and kept in the data folder, so restarts keep sessions and settings readable. */
function generatedSecret(dataDir: string, name: string, bytes: number, warnings: string[], variable: string): string {
  const file = join(dataDir, 'secrets', name);
  if (existsSync(file)) {
    warnings.push(`${variable} is not set; using the one generated in ${file}. Set it (and REQUIRE_SECRETS=true) in production.`);
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(join(dataDir, 'secrets'), { recursive: true, mode: 0o700 });
  const value = randomBytes(bytes).toString('hex');
  writeFileSync(file, value, { mode: 0o600 });
  warnings.push(`${variable} is not set; generated one in ${file}. Set it (and REQUIRE_SECRETS=true) in production.`);
  return value;
}

/** The URL of a workspace: the slug in front of the app URL's host, same scheme and port. */
export function workspaceUrl(config: AppConfig, slug: string): string {
  const url = new URL(config.appUrl.toString());
  url.hostname = `${slug}.${url.hostname}`;
  return url.toString().replace(/\/$/, '');
}

export const APP_CONFIG = Symbol('APP_CONFIG');

function isIpOrCidr(value: string): boolean {
  const [ip, bits, ...rest] = value.split('/');
  const family = isIP(ip);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}
