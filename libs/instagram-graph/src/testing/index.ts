// Test support: a fake "Instagram API with Instagram Login" server for unit, integration and browser
// tests and for the benchmark. Import from `@instagrowth/instagram-graph/testing`.

export { startFakeInstagram, type FakeInstagram, type FakeInstagramOptions } from './fake-server.js';
export { FakeState, type AuthCodeRecord, type FailureOptions, type FakeCall, type RateLimitCode, type ThrottleOptions } from './fake-state.js';
export type { FakeAccount, FakeMedia, FakeMediaInsights, FakeProductType, TokenKind } from './fake-types.js';
export { DEFAULT_FIXTURES_DIR, loadFixtures, type Fixtures } from './fixtures.js';
export { FAKE_REDIRECT_URI, fakeClientConfig } from './fake-client-config.js';
