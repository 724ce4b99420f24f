import { InstagramOAuthError, InstagramTokenExpired, InstagramTransient } from './errors.js';
import { InstagramClient } from './instagram-client.js';
import { parseCallbackQuery } from './oauth-authorize.js';
import { INSTAGRAM_SCOPES, missingScopes } from './scopes.js';
import { FAKE_REDIRECT_URI, fakeClientConfig, loadFixtures, startFakeInstagram, type FakeInstagram } from './testing/index.js';

const fixtures = loadFixtures();
const LONG = fixtures.longLivedToken as { access_token: string; token_type: string; expires_in: number };
const REFRESHED = fixtures.refreshToken as { access_token: string; token_type: string; expires_in: number };

let fake: FakeInstagram;
let client: InstagramClient;

beforeEach(async () => {
  fake = await startFakeInstagram();
  client = new InstagramClient(fakeClientConfig(fake));
});

afterEach(async () => {
  await fake.close();
});

function unescapeHtml(text: string): string {
  return text.replace(/&amp;/g, '&');
}

async function clickThroughConsent(button: 'allow' | 'cancel', state = 'csrf-123'): Promise<string> {
  const page = await fetch(client.buildAuthorizeUrl({ state }));
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('>Allow</a>');
  expect(html).toContain('>Cancel</a>');
  const href = new RegExp(`id="${button}"[^>]*href="([^"]+)"`).exec(html)?.[1];
  expect(href).toBeDefined();
  const decision = await fetch(new URL(unescapeHtml(href ?? ''), fake.url), { redirect: 'manual' });
  expect(decision.status).toBe(302);
  return decision.headers.get('location') ?? '';
}

describe('OAuth through the fake consent page', () => {
  it('Allow redirects with code, state and #_, and the code exchanges for the fixture token with the exact big user_id', async () => {
    const location = await clickThroughConsent('allow');
    expect(location.startsWith(`${FAKE_REDIRECT_URI}?code=`)).toBe(true);
    expect(location.endsWith('#_')).toBe(true);

    const callback = client.parseCallbackQuery(location);
    expect(callback.kind).toBe('code');
    if (callback.kind !== 'code') return;
    expect(callback.state).toBe('csrf-123');
    expect(callback.code.endsWith('#_')).toBe(false);
    expect(location).toContain(`code=${callback.code}&`);

    const token = await client.exchangeCode(callback.code);
    expect(token).toEqual({
      accessToken: fixtures.oauthAccessToken.accessToken,
      userId: fixtures.oauthAccessToken.userIdDigits,
      permissions: fixtures.oauthAccessToken.permissions,
    });
    expect(token.userId).toBe('26123456789012345');

    const exchange = fake.calls.find((call) => call.path === '/oauth/access_token');
    expect(exchange?.method).toBe('POST');
    // Secrets travel in the form body, not in the URL.
    expect(exchange?.query).toEqual({});
  });

  it('a reused code answers the legacy OAuth error envelope, surfaced as InstagramOAuthError', async () => {
    const code = fake.state.issueCode(undefined, FAKE_REDIRECT_URI);
    await client.exchangeCode(code);
    const reuse = client.exchangeCode(code);
    await expect(reuse).rejects.toBeInstanceOf(InstagramOAuthError);
    await expect(client.exchangeCode(code)).rejects.toMatchObject({ code: 400, type: 'OAuthException', message: expect.stringContaining('Matching code was not found or was already used') });
  });

  it('strips a trailing #_ handed straight to exchangeCode', async () => {
    const code = fake.state.issueCode(undefined, FAKE_REDIRECT_URI);
    await expect(client.exchangeCode(`${code}#_`)).resolves.toMatchObject({ userId: '26123456789012345' });
  });

  it('parses the documented data[] shape with permissions as a comma string', async () => {
    fake.state.tokenResponseShape = 'data';
    const code = fake.state.issueCode(undefined, FAKE_REDIRECT_URI);
    const token = await client.exchangeCode(code);
    expect(token).toEqual({ accessToken: fixtures.oauthAccessToken.accessToken, userId: '26123456789012345', permissions: fixtures.oauthAccessToken.permissions });
    expect([...token.permissions].sort()).toEqual([...INSTAGRAM_SCOPES].sort());
  });

  it('reports the scopes a user unticked', async () => {
    fake.state.withholdScopes(['instagram_business_manage_insights']);
    const location = await clickThroughConsent('allow');
    const callback = parseCallbackQuery(location);
    if (callback.kind !== 'code') throw new Error('expected a code');
    const token = await client.exchangeCode(callback.code);
    expect(token.permissions).not.toContain('instagram_business_manage_insights');
    expect(missingScopes(token.permissions)).toEqual(['instagram_business_manage_insights']);
  });

  it('Cancel redirects with the error triple and the state', async () => {
    const location = await clickThroughConsent('cancel', 'st-9');
    expect(client.parseCallbackQuery(location)).toEqual({
      kind: 'error',
      error: 'access_denied',
      errorReason: 'user_denied',
      errorDescription: 'The user denied your request.',
      state: 'st-9',
    });
  });

  it('auto-approve redirects at once, for the account chosen by authorizeAs', async () => {
    const second = fake.state.addAccount();
    fake.state.autoApprove = 'allow';
    fake.state.authorizeAs = second.igUserId;
    const response = await fetch(client.buildAuthorizeUrl({ state: 'auto' }), { redirect: 'manual' });
    expect(response.status).toBe(302);
    const callback = client.parseCallbackQuery(response.headers.get('location') ?? '');
    if (callback.kind !== 'code') throw new Error('expected a code');
    const token = await client.exchangeCode(callback.code);
    expect(token.userId).toBe(second.appScopedId);
    expect(Number.isSafeInteger(Number(second.appScopedId))).toBe(false);
  });

  it('rejects a wrong app secret with "Invalid platform app"', async () => {
    const wrong = new InstagramClient(fakeClientConfig(fake, { appSecret: 'not-the-secret' }));
    await expect(wrong.exchangeCode(fake.state.issueCode(undefined, FAKE_REDIRECT_URI))).rejects.toMatchObject({ name: 'InstagramOAuthError', message: expect.stringContaining('Invalid platform app') });
  });

  it('never retries the single-use code exchange, even on a 5xx', async () => {
    fake.state.failNext({ pathIncludes: '/oauth/access_token' });
    await expect(client.exchangeCode(fake.state.issueCode(undefined, FAKE_REDIRECT_URI))).rejects.toBeInstanceOf(InstagramTransient);
    expect(fake.calls.filter((call) => call.path === '/oauth/access_token')).toHaveLength(1);
  });
});

describe('long-lived tokens', () => {
  it('exchanges a short token (ig_exchange_token) for the fixture long-lived token', async () => {
    const token = await client.exchangeLongLived(fixtures.oauthAccessToken.accessToken);
    expect(token).toEqual({ accessToken: LONG.access_token, tokenType: LONG.token_type, expiresIn: LONG.expires_in });
    const call = fake.calls.at(-1);
    expect(call?.path).toBe('/access_token');
    expect(call?.query).toMatchObject({ grant_type: 'ig_exchange_token', client_secret: fake.state.settings.appSecret, access_token: fixtures.oauthAccessToken.accessToken });
  });

  it('refreshes (ig_refresh_token) into the fixture refreshed token', async () => {
    const token = await client.refreshLongLived(LONG.access_token);
    expect(token).toEqual({ accessToken: REFRESHED.access_token, tokenType: 'bearer', expiresIn: REFRESHED.expires_in });
    expect(fake.calls.at(-1)).toMatchObject({ path: '/refresh_access_token', query: { grant_type: 'ig_refresh_token', access_token: LONG.access_token } });
    // The refreshed token works.
    await expect(client.getMe(token.accessToken, ['id'])).resolves.toEqual({ id: '26123456789012345' });
  });

  it('an expired token cannot be refreshed: InstagramTokenExpired, one call, no token in the message', async () => {
    fake.state.expireToken(LONG.access_token);
    const failure = await client.refreshLongLived(LONG.access_token).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InstagramTokenExpired);
    const error = failure as InstagramTokenExpired;
    expect(error).toMatchObject({ code: 190, subcode: 463 });
    expect(error.message).not.toContain(LONG.access_token);
    expect(error.url).toContain('access_token=REDACTED');
    expect(fake.calls.filter((call) => call.path === '/refresh_access_token')).toHaveLength(1);
  });
});

describe('parseCallbackQuery', () => {
  it('strips #_ from framework-parsed records, raw query strings and URLSearchParams', () => {
    expect(parseCallbackQuery({ code: 'AQBx-abc#_', state: 's1' })).toEqual({ kind: 'code', code: 'AQBx-abc', state: 's1' });
    expect(parseCallbackQuery('code=AQBx-abc&state=s1#_')).toEqual({ kind: 'code', code: 'AQBx-abc', state: 's1' });
    expect(parseCallbackQuery('?state=s1&code=AQBx-abc#_')).toEqual({ kind: 'code', code: 'AQBx-abc', state: 's1' });
    expect(parseCallbackQuery(new URLSearchParams({ code: 'AQBx-abc#_' }))).toEqual({ kind: 'code', code: 'AQBx-abc', state: undefined });
    expect(parseCallbackQuery({ code: ['first', 'second'], state: undefined })).toEqual({ kind: 'code', code: 'first', state: undefined });
  });

  it('reports a callback with neither code nor error', () => {
    expect(parseCallbackQuery({ state: 'x' })).toMatchObject({ kind: 'error', error: 'missing_code', state: 'x' });
  });
});
