// The fake Graph API in its own process (so it does not share a core with the app under test).
// Reports its URLs and one long-lived token per synthetic account; answers 'stats' with call counts.
import { startFakeInstagram } from '../../libs/instagram-graph/dist/testing/index.js';

const accounts = Number(process.argv[2] ?? 200);
const mediaPerAccount = Number(process.argv[3] ?? 300);
const fake = await startFakeInstagram({ accounts, mediaPerAccount, recordCalls: false, usageBudgetPerAccount: 1_000_000 });
const synthetic = fake.state.accounts.filter((a) => !a.fixture);
process.send({
  kind: 'ready',
  authorizeUrl: fake.authorizeUrl,
  apiBaseUrl: fake.apiBaseUrl,
  graphBaseUrl: fake.graphBaseUrl,
  appId: fake.state.settings.appId,
  appSecret: fake.state.settings.appSecret,
  accounts: synthetic.map((a) => ({ igUserId: a.igUserId, username: a.username, token: fake.state.issueToken(a, 'long') })),
});
process.on('message', (m) => {
  if (m === 'stats') {
    const perAccount = fake.state.callsPerAccount ?? new Map();
    let calls = 0;
    for (const n of perAccount.values()) calls += n;
    process.send({ kind: 'stats', calls });
  }
  if (m === 'stop') fake.close().then(() => process.exit(0));
});
