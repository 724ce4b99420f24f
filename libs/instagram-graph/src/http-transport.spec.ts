import { jest } from '@jest/globals';
import { InstagramRateLimited, InstagramTokenExpired, InstagramTransient, classify } from './errors.js';
import { InstagramClient } from './instagram-client.js';
import type { InstagramLogger, UsageContext } from './config.js';
import type { InstagramUsage } from './usage-headers.js';
import { fakeClientConfig, loadFixtures, startFakeInstagram, type FakeInstagram } from './testing/index.js';

const fixtures = loadFixtures();
const TOKEN = (fixtures.longLivedToken as { access_token: string }).access_token;
const IG_ID = '17841405555512345';

let fake: FakeInstagram;

beforeEach(async () => {
  fake = await startFakeInstagram({ mediaPerAccount: 12 });
});

afterEach(async () => {
  await fake.close();
});

const meCalls = (): number => fake.calls.filter((call) => call.path === '/v25.0/me').length;

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('throttling', () => {
  it('code 4 → InstagramRateLimited with retryAfterMs from estimated_time_to_regain_access, not retried, token redacted', async () => {
    const client = new InstagramClient(fakeClientConfig(fake, { tokenTransport: 'query' }));
    fake.state.throttle(TOKEN, { code: 4, regainMinutes: 7 });
    const error = await failureOf(client.getMe(TOKEN));
    expect(error).toBeInstanceOf(InstagramRateLimited);
    const limited = error as InstagramRateLimited;
    expect(limited).toMatchObject({ code: 4, scope: 'app', retryAfterMs: 7 * 60_000, retryAfterSource: 'header', fbtraceId: 'A7xYzRateLimitTrace01', httpStatus: 400 });
    expect(limited.usage?.app?.callCount).toBe(100);
    expect(limited.usage?.businessUseCase[0]).toMatchObject({ businessId: IG_ID, callCount: 100, estimatedTimeToRegainAccessMinutes: 7 });
    expect(classify(limited)).toBe('backoff');
    expect(meCalls()).toBe(1);
    // The token went in the query string; it must not leak into the error.
    expect(fake.calls.at(-1)?.query['access_token']).toBe(TOKEN);
    expect(limited.message).not.toContain(TOKEN);
    expect(limited.url).toContain('access_token=REDACTED');
    expect(JSON.stringify({ ...limited, message: limited.message })).not.toContain(TOKEN);
  });

  it('80002 (BUC) → account-scoped InstagramRateLimited with the fixture envelope; recovers once the throttle is over', async () => {
    const client = new InstagramClient(fakeClientConfig(fake));
    fake.state.throttle(TOKEN, { code: 80002, regainMinutes: 2, times: 1 });
    const error = await failureOf(client.getMe(TOKEN, ['id']));
    expect(error).toMatchObject({ name: 'InstagramRateLimited', code: 80002, scope: 'account', retryAfterMs: 120_000, fbtraceId: 'A7xYzRateLimitTrace02' });
    await expect(client.getMe(TOKEN, ['id'])).resolves.toEqual({ id: '26123456789012345' });
  });

  it('17 / 32 / 613 are throttles too', async () => {
    const client = new InstagramClient(fakeClientConfig(fake));
    for (const code of [17, 32, 613] as const) {
      fake.state.throttle(TOKEN, { code, times: 1 });
      await expect(client.getMe(TOKEN, ['id'])).rejects.toMatchObject({ name: 'InstagramRateLimited', code, scope: 'account' });
    }
  });
});

describe('expired and invalid tokens', () => {
  it('190/463 → InstagramTokenExpired, never retried', async () => {
    const client = new InstagramClient(fakeClientConfig(fake, { retries: 3 }));
    fake.state.expireToken(TOKEN);
    const error = await failureOf(client.getMe(TOKEN));
    expect(error).toBeInstanceOf(InstagramTokenExpired);
    expect(error).toMatchObject({ code: 190, subcode: 463, type: 'OAuthException', fbtraceId: 'AbCdEfGhIjKlMnOpQrStUvW' });
    expect(classify(error)).toBe('reconnect');
    expect(meCalls()).toBe(1);
  });

  it('an unknown token is a 190 too', async () => {
    const client = new InstagramClient(fakeClientConfig(fake));
    await expect(client.getMe('IGAAnotAKnownToken')).rejects.toMatchObject({ name: 'InstagramTokenExpired', code: 190 });
  });
});

describe('transient failures', () => {
  it('retries a one-shot 5xx with jittered backoff, then succeeds', async () => {
    const sleep = jest.fn(async (_ms: number): Promise<void> => undefined);
    const client = new InstagramClient(fakeClientConfig(fake, { sleep, random: () => 0.5, retryBaseDelayMs: 100, retryMaxDelayMs: 1000 }));
    fake.state.failNext({ status: 503 });
    await expect(client.getMe(TOKEN, ['id', 'username'])).resolves.toEqual({ id: '26123456789012345', username: 'lumen.studio.co' });
    expect(meCalls()).toBe(2);
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(sleep).toHaveBeenCalledWith(50);
    expect(client.stats).toEqual({ calls: 2, byPath: { '/v25.0/me': 2 } });
  });

  it('gives up after the configured retries with InstagramTransient (default 2 → 3 attempts)', async () => {
    const client = new InstagramClient(fakeClientConfig(fake));
    fake.state.failNext({ count: 5, status: 500 });
    const error = await failureOf(client.getMe(TOKEN));
    expect(error).toBeInstanceOf(InstagramTransient);
    expect(error).toMatchObject({ httpStatus: 500, code: 2, isTransient: true });
    expect(classify(error)).toBe('retry');
    expect(meCalls()).toBe(3);
  });

  it('retries a dropped connection', async () => {
    const client = new InstagramClient(fakeClientConfig(fake));
    fake.state.failNext({ mode: 'reset' });
    await expect(client.getMe(TOKEN, ['id'])).resolves.toEqual({ id: '26123456789012345' });
    expect(meCalls()).toBe(2);
  });

  it('times out a hung request as InstagramTransient', async () => {
    const client = new InstagramClient(fakeClientConfig(fake, { timeoutMs: 150, retries: 0 }));
    fake.state.failNext({ mode: 'hang' });
    const error = await failureOf(client.getMe(TOKEN, ['id']));
    expect(error).toBeInstanceOf(InstagramTransient);
    expect((error as Error).message).toContain('timed out');
  });

  it('retries a 5xx in the middle of paging and still returns every page', async () => {
    const account = fake.state.addAccount();
    const client = new InstagramClient(fakeClientConfig(fake));
    const pages: number[] = [];
    let failed = false;
    for await (const page of client.listMedia(account.token, { limit: 5 })) {
      pages.push(page.items.length);
      if (!failed) {
        fake.state.failNext();
        failed = true;
      }
    }
    expect(pages).toEqual([5, 5, 2]);
    expect(client.stats.calls).toBe(4);
  });
});

describe('usage headers, logs and stats', () => {
  it('parses the fixture usage headers on every response into onUsage and lastUsage', async () => {
    const seen: Array<{ usage: InstagramUsage; context: UsageContext }> = [];
    const client = new InstagramClient(fakeClientConfig(fake, { onUsage: (usage, context) => seen.push({ usage, context }) }));
    fake.state.setUsageHeaders(TOKEN, fixtures.rateLimitHeaders);
    await client.getMe(TOKEN, ['id']);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.context).toEqual({ method: 'GET', path: '/v25.0/me', httpStatus: 200 });
    expect(seen[0]?.usage).toEqual({
      app: { callCount: 3, totalCputime: 1, totalTime: 2 },
      businessUseCase: [{ businessId: IG_ID, type: 'instagram', callCount: 83, totalCputime: 12, totalTime: 19, estimatedTimeToRegainAccessMinutes: 0 }],
      maxPercent: 83,
      regainAccessMs: 0,
    });
    expect(client.lastUsage).toEqual(seen[0]?.usage);
  });

  it('a throwing onUsage never fails the call', async () => {
    const client = new InstagramClient(
      fakeClientConfig(fake, {
        onUsage: () => {
          throw new Error('observer bug');
        },
      }),
    );
    await expect(client.getMe(TOKEN, ['id'])).resolves.toEqual({ id: '26123456789012345' });
  });

  it('logs every request with redacted URLs only (query tokens, paging.next, client_secret)', async () => {
    const lines: string[] = [];
    const logger: InstagramLogger = {
      debug: (message, meta) => lines.push(`${message} ${JSON.stringify(meta)}`),
      warn: (message, meta) => lines.push(`${message} ${JSON.stringify(meta)}`),
    };
    const client = new InstagramClient(fakeClientConfig(fake, { logger, tokenTransport: 'query' }));
    for await (const page of client.listMedia(TOKEN, { igUserId: IG_ID, limit: 3 })) expect(page.items.length).toBeGreaterThan(0);
    await client.exchangeLongLived(fixtures.oauthAccessToken.accessToken);
    fake.state.failNext();
    await client.getMe(TOKEN, ['id']);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    const all = lines.join('\n');
    expect(all).toContain('access_token=REDACTED');
    expect(all).toContain('client_secret=REDACTED');
    for (const secret of [TOKEN, fixtures.oauthAccessToken.accessToken, fake.state.settings.appSecret]) expect(all).not.toContain(secret);
  });

  it('counts calls per normalised path across accounts', async () => {
    const client = new InstagramClient(fakeClientConfig(fake));
    const accounts = [fake.state.addAccount(), fake.state.addAccount()];
    for (const account of accounts) {
      for await (const page of client.listMedia(account.token, { igUserId: account.igUserId, limit: 100 })) expect(page.items).toHaveLength(12);
    }
    await client.getMe(TOKEN, ['id']);
    expect(client.stats).toEqual({ calls: 3, byPath: { '/v25.0/{id}/media': 2, '/v25.0/me': 1 } });
    client.resetStats();
    expect(client.stats).toEqual({ calls: 0, byPath: {} });
  });
});
