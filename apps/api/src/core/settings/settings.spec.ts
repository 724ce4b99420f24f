import { SecretBox } from '../crypto/secret-box.js';
import type { AppConfig } from '../config/config.js';
import { InProcessPubSub } from '../pubsub/pubsub.js';
import type { SettingsRepository } from './settings.repository.js';
import { SettingsService } from './settings.service.js';

const KEY = Buffer.alloc(32, 7);

/** Two services sharing one bus and one "table": what two processes sharing Redis and PostgreSQL see. */
function setup() {
  const box = new SecretBox(KEY);
  const rows = new Map<string, string>();
  let reads = 0;
  const repo = { all: async () => (reads++, [...rows].map(([key, valueEnc]) => ({ key, valueEnc }))) } as unknown as SettingsRepository;
  const bus = new InProcessPubSub();
  const make = () => {
    const s = new SettingsService({ settingsKey: KEY } as AppConfig, repo, bus);
    s.onModuleInit();
    return s;
  };
  const write = (key: string, value: string) => rows.set(key, box.seal(value, `setting:${key}`));
  return { a: make(), b: make(), write, reads: () => reads };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('SettingsService', () => {
  it('decrypts every row once and then serves from memory', async () => {
    const { a, write, reads } = setup();
    write('openai.model', 'gpt-4o-mini');
    write('stripe.secretKey', 'sk_test_1');
    expect(await a.get('openai.model')).toBe('gpt-4o-mini');
    expect(await a.getMany(['stripe.secretKey', 'resend.apiKey'])).toEqual({ 'stripe.secretKey': 'sk_test_1', 'resend.apiKey': null });
    await Promise.all([a.get('openai.model'), a.get('openai.baseUrl')]);
    expect(reads()).toBe(1);
    expect(a.currentVersion()).toBe(1);
  });

  it('a change announced by one instance reloads the other and tells its listeners', async () => {
    const { a, b, write } = setup();
    write('openai.model', 'one');
    expect(await b.get('openai.model')).toBe('one');
    const heard: string[][] = [];
    b.onChange((keys) => heard.push(keys));
    write('openai.model', 'two');
    expect(await b.get('openai.model')).toBe('one'); // cached until told
    await a.changed(['openai.model']);
    await tick();
    expect(heard).toEqual([['openai.model']]);
    expect(await b.get('openai.model')).toBe('two');
    expect(b.currentVersion()).toBeGreaterThan(1);
  });
});
