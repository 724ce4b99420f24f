import type { InstagramUsage } from './usage-headers.js';

// One typed config, validated once at construction, with the defaults of API.md §1.2 and §2.1.

export interface InstagramLogger {
  debug?(message: string, meta?: Record<string, unknown>): void;
  warn?(message: string, meta?: Record<string, unknown>): void;
}

export interface UsageContext {
  method: string;
  /** Normalised path (ids replaced by `{id}`), e.g. `/v25.0/{id}/media`. */
  path: string;
  httpStatus: number;
}

export type TokenTransport = 'header' | 'query';

export interface InstagramClientConfig {
  /** The *Instagram* app id (not the Meta app id), API.md §1.1. */
  appId: string;
  /** The *Instagram* app secret. Never logged. */
  appSecret: string;
  /** Must match the dashboard entry character for character (§1.2). */
  redirectUri: string;
  authorizeUrl?: string;
  apiBaseUrl?: string;
  graphBaseUrl?: string;
  graphVersion?: string;
  fetch?: typeof fetch;
  /** Per HTTP attempt. Default 15 000 ms. */
  timeoutMs?: number;
  logger?: InstagramLogger;
  /** Retries for transient failures of idempotent calls (5xx, network, codes 1/2, is_transient). Default 2. */
  retries?: number;
  /** Full-jitter backoff base; attempt n waits random(0, min(max, base·2ⁿ)). Default 300 ms. */
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Called with the parsed usage headers of every response that carries them. */
  onUsage?: (usage: InstagramUsage, context: UsageContext) => void;
  /** How Graph calls carry the token. 'header' (default, §2.1: keeps tokens out of URLs) or 'query'.
   * The token endpoints (§1.5, §1.6) always use the query string because the API requires it. */
  tokenTransport?: TokenTransport;
  /** Injectable for deterministic tests. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ResolvedConfig {
  appId: string;
  appSecret: string;
  redirectUri: string;
  authorizeUrl: string;
  apiBaseUrl: string;
  graphBaseUrl: string;
  graphVersion: string;
  fetch: typeof fetch;
  timeoutMs: number;
  logger: InstagramLogger | undefined;
  retries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  onUsage: ((usage: InstagramUsage, context: UsageContext) => void) | undefined;
  tokenTransport: TokenTransport;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_AUTHORIZE_URL = 'https://www.instagram.com/oauth/authorize';
export const DEFAULT_API_BASE_URL = 'https://api.instagram.com';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.instagram.com';
export const DEFAULT_GRAPH_VERSION = 'v25.0';

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function isHttpUrl(value: string): boolean {
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

function nonNegativeInteger(value: number | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** Validates the config and fills defaults; throws one error listing every bad field. */
export function resolveConfig(config: InstagramClientConfig): ResolvedConfig {
  const problems: string[] = [];
  const requireText = (name: 'appId' | 'appSecret' | 'redirectUri'): string => {
    const value = config[name];
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${name} is required`);
    return typeof value === 'string' ? value : '';
  };
  const url = (name: 'authorizeUrl' | 'apiBaseUrl' | 'graphBaseUrl', fallback: string): string => {
    const value = config[name] ?? fallback;
    if (!isHttpUrl(value)) problems.push(`${name} must be an http(s) URL`);
    return withoutTrailingSlash(value);
  };
  const appId = requireText('appId');
  const appSecret = requireText('appSecret');
  const redirectUri = requireText('redirectUri');
  if (redirectUri !== '' && !isHttpUrl(redirectUri)) problems.push('redirectUri must be an http(s) URL');
  const authorizeUrl = url('authorizeUrl', DEFAULT_AUTHORIZE_URL);
  const apiBaseUrl = url('apiBaseUrl', DEFAULT_API_BASE_URL);
  const graphBaseUrl = url('graphBaseUrl', DEFAULT_GRAPH_BASE_URL);
  const graphVersion = config.graphVersion ?? DEFAULT_GRAPH_VERSION;
  if (!/^v\d+\.\d+$/.test(graphVersion)) problems.push('graphVersion must look like v25.0');
  const timeoutMs = nonNegativeInteger(config.timeoutMs, 15_000);
  const retries = nonNegativeInteger(config.retries, 2);
  const retryBaseDelayMs = nonNegativeInteger(config.retryBaseDelayMs, 300);
  const retryMaxDelayMs = nonNegativeInteger(config.retryMaxDelayMs, 5_000);
  if (timeoutMs === undefined || timeoutMs === 0) problems.push('timeoutMs must be a positive integer');
  if (retries === undefined) problems.push('retries must be a non-negative integer');
  if (retryBaseDelayMs === undefined) problems.push('retryBaseDelayMs must be a non-negative integer');
  if (retryMaxDelayMs === undefined) problems.push('retryMaxDelayMs must be a non-negative integer');
  const fetchImpl = config.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') problems.push('fetch is not available');
  if (problems.length > 0) throw new TypeError(`Invalid Instagram client config: ${problems.join('; ')}`);
  return {
    appId,
    appSecret,
    redirectUri,
    authorizeUrl,
    apiBaseUrl,
    graphBaseUrl,
    graphVersion,
    fetch: fetchImpl,
    timeoutMs: timeoutMs ?? 15_000,
    logger: config.logger,
    retries: retries ?? 2,
    retryBaseDelayMs: retryBaseDelayMs ?? 300,
    retryMaxDelayMs: retryMaxDelayMs ?? 5_000,
    onUsage: config.onUsage,
    tokenTransport: config.tokenTransport ?? 'header',
    random: config.random ?? Math.random,
    sleep: config.sleep ?? defaultSleep,
  };
}
