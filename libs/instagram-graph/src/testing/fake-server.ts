import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearerToken, parseForm, readBody, sendGraphError, sendRaw, type FakeRequest } from './fake-http.js';
import { handleMediaEdge, handleNode, handleSubscribedApps, unsupportedRequest } from './fake-graph-routes.js';
import { handleAccountInsights, handleMediaInsights } from './fake-insights-routes.js';
import { handleAuthorize, handleAuthorizeDecision, handleCodeExchange, handleLongLivedExchange, handleRefresh } from './fake-oauth-routes.js';
import type { RouteContext } from './fake-route-context.js';
import { FakeState, type FakeCall, type RateLimitCode } from './fake-state.js';
import type { FakeAccount } from './fake-types.js';
import { loadFixtures } from './fixtures.js';

// A node:http server on 127.0.0.1 that speaks the wire format of API.md: one process plays
// www.instagram.com (authorize), api.instagram.com (code exchange) and graph.instagram.com.

export interface FakeInstagramOptions {
  /** Defaults to <repo>/../shared/instagram/fixtures (or $INSTAGRAM_FIXTURES_DIR). */
  fixturesDir?: string | URL;
  /** Seed for every synthetic account, media and insight value. Default 42. */
  seed?: number;
  /** Synthetic accounts created at start, after the fixture account. Default 0. */
  accounts?: number;
  /** Media per synthetic account. Default 30. (The fixture account serves the 4 fixture media.) */
  mediaPerAccount?: number;
  /** What the code exchange expects as client_id / client_secret. */
  appId?: string;
  appSecret?: string;
  /** Code-exchange answer shape. Default 'flat'. */
  tokenResponseShape?: 'flat' | 'data';
  /** Skip the consent page. Default false (serve the HTML page with Allow / Cancel). */
  autoApprove?: boolean | 'allow' | 'deny';
  /** Largest `limit` the media edge honours. Default 100. */
  maxPageSize?: number;
  /** Keep a log of every request in `calls`. Default true (turn off for long benchmarks). */
  recordCalls?: boolean;
  /** "Now" for synthetic timestamps and default insight windows. Default: the current time. */
  now?: Date;
  /** Calls per account that read as 100 % in the computed X-Business-Use-Case-Usage header. Default 4800. */
  usageBudgetPerAccount?: number;
  port?: number;
}

export interface FakeInstagram {
  url: string;
  authorizeUrl: string;
  apiBaseUrl: string;
  graphBaseUrl: string;
  state: FakeState;
  calls: FakeCall[];
  close(): Promise<void>;
}

const RATE_LIMIT_MESSAGES: Record<RateLimitCode, string> = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
  80002: '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.',
};

function computedUsageHeaders(state: FakeState, account: FakeAccount): Record<string, string> {
  const percent = state.countAccountCall(account.igUserId);
  const entry = { type: 'instagram', call_count: percent, total_cputime: Math.floor(percent / 3), total_time: Math.floor(percent / 2), estimated_time_to_regain_access: 0 };
  return { 'x-business-use-case-usage': JSON.stringify({ [account.igUserId]: [entry] }) };
}

function throttled(context: RouteContext, account: FakeAccount, rule: { code: RateLimitCode; regainMinutes: number; httpStatus: number }): void {
  const { fixtures } = context.state;
  const headers: Record<string, string> = {
    'x-business-use-case-usage': JSON.stringify({
      [account.igUserId]: [{ type: 'instagram', call_count: 100, total_cputime: 41, total_time: 63, estimated_time_to_regain_access: rule.regainMinutes }],
    }),
  };
  // Code 4 is app-level throttling: the app usage header is the one at 100 %.
  if (rule.code === 4) headers['x-app-usage'] = JSON.stringify({ call_count: 100, total_cputime: 37, total_time: 52 });
  if (rule.code === 4) return sendRaw(context.response, rule.httpStatus, fixtures.raw.errorRateLimit, headers);
  if (rule.code === 80002) return sendRaw(context.response, rule.httpStatus, fixtures.raw.errorRateLimitBuc, headers);
  sendGraphError(context.response, rule.httpStatus, { message: RATE_LIMIT_MESSAGES[rule.code], code: rule.code, isTransient: true }, headers);
}

/** Token → account, answering 190 (expired fixture / invalid) or a missing-token error itself. */
function authenticate(context: RouteContext): FakeAccount | undefined {
  const token = context.request.token;
  if (token === undefined) {
    sendGraphError(context.response, 400, { message: 'An active access token must be used to query information about the current user.', code: 2500 });
    return undefined;
  }
  if (context.state.isExpired(token)) {
    sendRaw(context.response, 400, context.state.fixtures.raw.errorExpiredToken);
    return undefined;
  }
  const account = context.state.accountForToken(token);
  if (account === undefined) sendGraphError(context.response, 400, { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 });
  return account;
}

function routeGraph(context: RouteContext, segments: string[]): void {
  const account = authenticate(context);
  if (account === undefined) return;
  const token = context.request.token ?? '';
  const rule = context.state.takeThrottle(token);
  if (rule !== undefined) return throttled(context, account, rule);
  context.headers = context.state.usageOverride(token) ?? computedUsageHeaders(context.state, account);

  const [nodeId = '', edge, ...extra] = segments;
  if (extra.length > 0 || (nodeId !== 'me' && !/^\d+$/.test(nodeId))) return unsupportedRequest(context, nodeId);
  const isAccountNode = nodeId === 'me' || nodeId === account.igUserId;
  const media = isAccountNode ? undefined : context.state.findMedia(nodeId, account);
  // Another account's media or an unknown id: the same answer Meta gives for both.
  if (!isAccountNode && (media === undefined || media.ownerId !== account.igUserId)) return unsupportedRequest(context, nodeId);
  const { method } = context.request;

  if (edge === undefined && method === 'GET') return handleNode(context, account, nodeId, media);
  if (edge === 'media' && isAccountNode && method === 'GET') return handleMediaEdge(context, account);
  if (edge === 'insights' && method === 'GET') return media === undefined ? handleAccountInsights(context, account) : handleMediaInsights(context, media);
  if (edge === 'subscribed_apps' && isAccountNode) return handleSubscribedApps(context, account);
  sendGraphError(context.response, 400, { message: `Unknown path components: /${edge ?? ''}`, code: 2500 }, context.headers);
}

function route(context: RouteContext): void {
  const { method, path } = context.request;
  if (path === '/oauth/authorize' && method === 'GET') return handleAuthorize(context);
  if (path === '/oauth/authorize/decision' && method === 'GET') return handleAuthorizeDecision(context);
  if (path === '/oauth/access_token') return handleCodeExchange(context);
  const versioned = /^\/(v\d+\.\d+)(\/.*)?$/.exec(path);
  const rest = versioned === null ? path : (versioned[2] ?? '/');
  if (rest === '/access_token' && method === 'GET') return handleLongLivedExchange(context);
  if (rest === '/refresh_access_token' && method === 'GET') return handleRefresh(context);
  if (versioned === null) return sendGraphError(context.response, 404, { message: `Unknown path: ${path}`, code: 2500 });
  routeGraph(context, rest.split('/').filter((segment) => segment !== ''));
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startFakeInstagram(options: FakeInstagramOptions = {}): Promise<FakeInstagram> {
  const fixtures = loadFixtures(options.fixturesDir);
  const autoApprove = options.autoApprove === true ? 'allow' : options.autoApprove === undefined ? false : options.autoApprove;
  const state = new FakeState(
    {
      seed: options.seed ?? 42,
      mediaPerAccount: options.mediaPerAccount ?? 30,
      appId: options.appId ?? 'fake-instagram-app-id',
      appSecret: options.appSecret ?? 'fake-instagram-app-secret',
      nowSeconds: Math.floor((options.now ?? new Date()).getTime() / 1000),
      usageBudgetPerAccount: options.usageBudgetPerAccount ?? 4800,
      recordCalls: options.recordCalls ?? true,
      tokenResponseShape: options.tokenResponseShape ?? 'flat',
      autoApprove,
    },
    fixtures,
  );
  for (let count = 0; count < (options.accounts ?? 0); count += 1) state.addAccount();
  const maxPageSize = options.maxPageSize ?? 100;
  let baseUrl = '';

  const handle = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const body = await readBody(incoming);
      const url = new URL(incoming.url ?? '/', baseUrl);
      const form = parseForm(incoming.headers['content-type'], body);
      const token = url.searchParams.get('access_token') ?? form.get('access_token') ?? bearerToken(incoming.headers);
      const request: FakeRequest = { method: incoming.method ?? 'GET', url, path: url.pathname, query: url.searchParams, headers: incoming.headers, form, token: token ?? undefined };
      state.recordCall({ method: request.method, path: request.path, query: Object.fromEntries(url.searchParams), ...(request.token === undefined ? {} : { token: request.token }) });
      const failure = state.takeFailure(request.path);
      if (failure?.mode === 'reset') {
        incoming.socket.destroy();
        return;
      }
      if (failure?.mode === 'hang') return;
      if (failure !== undefined) {
        sendGraphError(response, failure.status, { message: 'An unexpected error has occurred. Please retry your request later.', code: 2, isTransient: true });
        return;
      }
      route({ state, baseUrl, request, response, headers: {}, maxPageSize });
    } catch (error) {
      if (!response.headersSent) sendGraphError(response, 500, { message: `Fake Instagram failure: ${error instanceof Error ? error.message : String(error)}`, code: 1, isTransient: true });
    }
  };

  const server = createServer((incoming, response) => {
    void handle(incoming, response);
  });
  // Long keep-alive so a benchmark reuses its connections.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const port = await listen(server, options.port ?? 0);
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    authorizeUrl: `${baseUrl}/oauth/authorize`,
    apiBaseUrl: baseUrl,
    graphBaseUrl: baseUrl,
    state,
    calls: state.calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Drop keep-alive and deliberately hung connections so close() never waits on them.
        server.closeAllConnections();
      }),
  };
}
