import type { InstagramClientConfig } from '../config.js';
import type { FakeInstagram } from './fake-server.js';

// A client config pointed at a running fake, with the fake's app credentials and instant retries,
// so every test (and the API's own tests) wires the client the same way.

export const FAKE_REDIRECT_URI = 'https://acme.instagrowth.test/api/instagram/callback';

export function fakeClientConfig(fake: FakeInstagram, overrides: Partial<InstagramClientConfig> = {}): InstagramClientConfig {
  return {
    appId: fake.state.settings.appId,
    appSecret: fake.state.settings.appSecret,
    redirectUri: FAKE_REDIRECT_URI,
    authorizeUrl: fake.authorizeUrl,
    apiBaseUrl: fake.apiBaseUrl,
    graphBaseUrl: fake.graphBaseUrl,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
    timeoutMs: 5_000,
    ...overrides,
  };
}
