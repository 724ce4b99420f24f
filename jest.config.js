// Jest on ESM: @swc/jest emits ES modules (legacy decorators + metadata for Nest), and jest runs
// with --experimental-vm-modules (set by scripts/test.mjs). `.js` suffixes in relative TS imports
// are mapped back to the .ts sources, and workspace libs resolve to their sources (no build needed).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: {
    '^@instagrowth/(contracts|authz|growth-engine|instagram-graph)$': '<rootDir>/libs/$1/src/index.ts',
    '^@instagrowth/instagram-graph/testing$': '<rootDir>/libs/instagram-graph/src/testing/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  rootDir: '.',
};

export default {
  // A bound for a hung test, not a measure of speed: integration tests spawn CLIs and browsers on a
  // 2-core machine that other work shares, where 30 s timed out CLI and 60,000-page tests under load.
  testTimeout: 90_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/libs/*/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/apps/api/test/**/*.test.ts'],
      globalSetup: '<rootDir>/apps/api/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.mjs',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/api/test/browser/**/*.e2e.ts'],
      globalSetup: '<rootDir>/apps/api/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.mjs',
    },
  ],
};
