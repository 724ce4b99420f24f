import type { JsonObject } from '../json.js';
import { escapeHtml, sendGraphError, sendJson, sendRaw } from './fake-http.js';
import { CURRENT_SCOPES } from './fake-metric-rules.js';
import type { RouteContext } from './fake-route-context.js';
import type { FakeAccount } from './fake-types.js';

// Business Login: the consent page, the code exchange on "api.instagram.com" with its legacy error
// envelope, and the two token endpoints on "graph.instagram.com" (API.md §1).

const DENIAL = { error: 'access_denied', error_reason: 'user_denied', error_description: 'The user denied your request.' };

function htmlPage(context: RouteContext, status: number, title: string, body: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto}a[role=button]{display:inline-block;padding:.6rem 1.2rem;margin-right:.5rem;border-radius:.4rem;text-decoration:none;border:1px solid #999;color:#000}#allow{background:#0095f6;color:#fff;border-color:#0095f6}</style>
</head><body><main>${body}</main></body></html>`;
  sendRaw(context.response, status, html, {}, 'text/html; charset=utf-8');
}

function redirect(context: RouteContext, location: string): void {
  context.response.writeHead(302, { location, 'content-length': '0' });
  context.response.end();
}

function redirectTarget(redirectUri: string, params: Record<string, string | undefined>, hashUnderscore: boolean): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  // Meta appends `#_` to success redirects (§1.2).
  if (hashUnderscore) url.hash = '_';
  return url.toString();
}

function isHttpUrl(value: string): boolean {
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** GET /oauth/authorize: validates like Meta, then shows Allow/Cancel (or decides at once with autoApprove). */
export function handleAuthorize(context: RouteContext): void {
  const { query } = context.request;
  const { state } = context;
  const { settings } = state;
  const redirectUri = query.get('redirect_uri') ?? '';
  if (query.get('client_id') !== settings.appId) return htmlPage(context, 400, 'Invalid request', '<h1>Invalid app ID</h1>');
  if (!isHttpUrl(redirectUri)) return htmlPage(context, 400, 'Invalid request', '<h1>Invalid redirect_uri</h1>');
  if (query.get('response_type') !== 'code') return htmlPage(context, 400, 'Invalid request', '<h1>response_type must be code</h1>');
  const scopes = (query.get('scope') ?? '').split(/[,\s]+/).filter((scope) => scope !== '');
  const invalid = scopes.filter((scope) => !CURRENT_SCOPES.has(scope));
  if (invalid.length > 0) return htmlPage(context, 400, 'Invalid scopes', `<h1>Invalid Scopes: ${escapeHtml(invalid.join(', '))}</h1>`);
  if (!scopes.includes('instagram_business_basic')) return htmlPage(context, 400, 'Invalid scopes', '<h1>instagram_business_basic is required</h1>');

  const loginAs = query.get('login_as') ?? state.authorizeAs;
  const account = (loginAs === undefined ? undefined : (state.accountById(loginAs) ?? state.accounts.find((candidate) => candidate.username === loginAs))) ?? state.fixtureAccount;
  const pending = state.addPendingAuthorization({ redirectUri, scopes, state: query.get('state') ?? undefined, igUserId: account.igUserId });

  if (state.autoApprove !== false) return decide(context, pending.id, state.autoApprove);
  const decisionUrl = (decision: 'allow' | 'deny'): string => `/oauth/authorize/decision?request=${encodeURIComponent(pending.id)}&decision=${decision}`;
  htmlPage(
    context,
    200,
    'Fake Instagram – Authorize',
    `<h1>Fake Instagram</h1>
<p>Logged in as <strong id="username">@${escapeHtml(account.username)}</strong>.</p>
<p>Allow this app to access:</p>
<ul>${scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('')}</ul>
<p><a id="allow" role="button" href="${escapeHtml(decisionUrl('allow'))}">Allow</a>
<a id="cancel" role="button" href="${escapeHtml(decisionUrl('deny'))}">Cancel</a></p>`,
  );
}

function decide(context: RouteContext, requestId: string, decision: 'allow' | 'deny'): void {
  const pending = context.state.takePendingAuthorization(requestId);
  if (pending === undefined) return htmlPage(context, 400, 'Expired', '<h1>This authorization request has expired</h1>');
  if (decision === 'deny') return redirect(context, redirectTarget(pending.redirectUri, { ...DENIAL, state: pending.state }, false));
  const code = context.state.issueCode(pending.igUserId, pending.redirectUri, pending.scopes);
  redirect(context, redirectTarget(pending.redirectUri, { code, state: pending.state }, true));
}

/** GET /oauth/authorize/decision?request=…&decision=allow|deny: what the Allow / Cancel links do. */
export function handleAuthorizeDecision(context: RouteContext): void {
  const decision = context.request.query.get('decision') === 'allow' ? 'allow' : 'deny';
  decide(context, context.request.query.get('request') ?? '', decision);
}

function oauthError(context: RouteContext, message: string): void {
  sendJson(context.response, 400, { error_type: 'OAuthException', code: 400, error_message: message });
}

/** POST /oauth/access_token: code → short-lived token, flat (unsafe integer user_id) or `data[]` shape. */
export function handleCodeExchange(context: RouteContext): void {
  const { form } = context.request;
  const { state } = context;
  if (context.request.method !== 'POST') return oauthError(context, 'Unsupported method');
  if (form.get('client_id') !== state.settings.appId || form.get('client_secret') !== state.settings.appSecret) return oauthError(context, 'Invalid platform app');
  if (form.get('grant_type') !== 'authorization_code') return oauthError(context, 'Invalid grant_type, expected authorization_code');
  const record = state.consumeCode(form.get('code') ?? '');
  // Unknown, reused or expired: the exact bytes of fixtures/extra/oauth_access_token_error.json.
  if (record === undefined) return sendRaw(context.response, 400, state.fixtures.raw.oauthAccessTokenError);
  if (record.redirectUri !== '' && record.redirectUri !== form.get('redirect_uri')) {
    return oauthError(context, 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request');
  }
  const account = state.accountById(record.igUserId);
  if (account === undefined) return oauthError(context, 'Matching code was not found or was already used');
  const permissions = record.scopes;
  if (state.tokenResponseShape === 'data') {
    sendJson(context.response, 200, { data: [{ access_token: account.shortToken, user_id: account.appScopedId, permissions: permissions.join(',') }] });
    return;
  }
  // Built as text: user_id must go out as a bare integer above 2^53, exactly as Meta sends it.
  const text = `{"access_token":${JSON.stringify(account.shortToken)},"user_id":${account.appScopedId},"permissions":${JSON.stringify(permissions)}}`;
  sendRaw(context.response, 200, text);
}

/** Resolves the token of a token-endpoint call, answering the error itself when it is missing/invalid/expired. */
function tokenAccount(context: RouteContext): FakeAccount | undefined {
  const token = context.request.query.get('access_token') ?? undefined;
  if (token === undefined) {
    sendGraphError(context.response, 400, { message: 'Missing access_token', code: 100 });
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

/** GET /access_token?grant_type=ig_exchange_token&client_secret=…&access_token=<short> */
export function handleLongLivedExchange(context: RouteContext): void {
  const { query } = context.request;
  if (query.get('grant_type') !== 'ig_exchange_token') return sendGraphError(context.response, 400, { message: 'Unsupported grant_type', code: 100 });
  if (query.get('client_secret') !== context.state.settings.appSecret) return sendGraphError(context.response, 400, { message: 'Error validating client secret.', code: 100 });
  const account = tokenAccount(context);
  if (account === undefined) return;
  const fixture = context.state.fixtures.longLivedToken;
  // A new authorization after the old token died yields a fresh long-lived token, as it does at Meta.
  const token = context.state.isExpired(account.token) ? context.state.issueToken(account, 'long') : account.token;
  const body: JsonObject = { access_token: token, token_type: 'bearer', expires_in: typeof fixture['expires_in'] === 'number' ? fixture['expires_in'] : 5183944 };
  sendJson(context.response, 200, body);
}

/** GET /refresh_access_token?grant_type=ig_refresh_token&access_token=<long>: may return a new token (old one stays valid). */
export function handleRefresh(context: RouteContext): void {
  if (context.request.query.get('grant_type') !== 'ig_refresh_token') return sendGraphError(context.response, 400, { message: 'Unsupported grant_type', code: 100 });
  const account = tokenAccount(context);
  if (account === undefined) return;
  const fixture = context.state.fixtures.refreshToken;
  const fixtureToken = fixture['access_token'];
  const expiresIn = typeof fixture['expires_in'] === 'number' ? fixture['expires_in'] : 5183999;
  const token = account.fixture && typeof fixtureToken === 'string' ? fixtureToken : context.state.issueToken(account, 'long');
  sendJson(context.response, 200, { access_token: token, token_type: 'bearer', expires_in: expiresIn });
}
