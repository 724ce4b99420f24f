import { z } from 'zod';
import { GENERATION_ITEM_SCHEMAS, auditNarrativeSchema } from '@instagrowth/contracts';
import { startFakeOpenAi, type FakeOpenAi } from '../../../test/support/fake-openai.js';
import type { AppConfig } from '../config/config.js';
import type { SettingsService } from '../settings/settings.service.js';
import { AiMalformedError, AiUnavailableError } from './ai.errors.js';
import type { AiUsageRecord, AiUsageRepository } from './ai-usage.repository.js';
import { AiService, type AiSettings } from './ai.service.js';

// The AI core against a fake that refuses what OpenAI refuses (missing model, json_schema without a
// name, a strict schema outside the supported subset) and answers like OpenAI (dated snapshot model
// names, refusals, truncation, 401/429/500 error bodies).
describe('AiService against the OpenAI wire format', () => {
  let fake: FakeOpenAi;
  let ai: AiService;
  const recorded: AiUsageRecord[] = [];
  const prices = { 'gpt-4o-mini': { input: 0.15, output: 0.6 }, 'gpt-4o': { input: 2.5, output: 10 } };
  const settings = (over: Partial<AiSettings> = {}): AiSettings => ({ apiKey: 'sk-test', baseUrl: fake.baseUrl, model: 'gpt-4o-mini', ...over });
  const request = <T>(schemaName: string, schema: z.ZodType<T>) => ({ feature: 'spec', referenceId: null, schemaName, schema, system: 'Answer JSON.', user: '{"account":"a","recommendations":[]}' });

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    const config = { openai: { timeoutMs: 5_000, maxRetries: 1, prices } } as unknown as AppConfig;
    const settingsService = { get: async () => null } as unknown as SettingsService;
    const usage = { record: async (u: AiUsageRecord) => void recorded.push(u) } as unknown as AiUsageRepository;
    ai = new AiService(config, settingsService, usage);
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.mode = 'ok';
    recorded.length = 0;
  });

  it('every schema we send is one strict structured outputs accepts (audit narrative and each generation kind)', async () => {
    const from = fake.statuses.length;
    const audit = await ai.structured(settings(), request('audit_narrative', auditNarrativeSchema));
    expect(audit.ok).toBe(true);
    for (const [kind, item] of Object.entries(GENERATION_ITEM_SCHEMAS)) {
      // No canned answer: `{ items: [] }` fails our own min(1) twice, but the API accepted both requests.
      await expect(ai.structured(settings(), request(`${kind}_items`, z.object({ items: z.array(item as z.ZodType).min(1) })))).rejects.toBeInstanceOf(AiMalformedError);
    }
    expect(fake.statuses.slice(from).every((s) => s === 200)).toBe(true);
    expect(fake.statuses.length - from).toBe(1 + 2 * Object.keys(GENERATION_ITEM_SCHEMAS).length);
    const sent = fake.requests.at(-1)!;
    expect(sent.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'post_ideas_items', strict: true } });
    expect(sent.response_format!.json_schema!.schema).not.toHaveProperty('$schema');
  });

  it('a schema outside the strict subset is a 400 invalid_request_error, surfaced as ai_unavailable with the reason', async () => {
    const optional = z.object({ title: z.string(), note: z.string().optional() });
    const error = await ai.structured(settings(), request('loose', optional)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiUnavailableError);
    expect((error as Error).message).toMatch(/\(400 Invalid schema for response_format 'loose'.*Missing 'note'/);
    expect(fake.errors.at(-1)).toEqual({ error: { message: expect.stringContaining("'required' is required"), type: 'invalid_request_error', param: 'response_format', code: 'invalid_json_schema' } });
    const badName = await ai.structured(settings(), request('audit narrative', auditNarrativeSchema)).catch((e: unknown) => e);
    expect((badName as Error).message).toMatch(/\(400 Invalid 'response_format.json_schema.name'/);
  });

  it('usage is read from prompt_tokens/completion_tokens and a dated snapshot is priced as its alias', async () => {
    const result = await ai.structured(settings({ model: 'gpt-4o' }), request('audit_narrative', auditNarrativeSchema));
    expect(result).toMatchObject({ ok: true, model: 'gpt-4o-2024-08-06' });
    expect(recorded).toEqual([{ feature: 'spec', referenceId: null, model: 'gpt-4o-2024-08-06', promptTokens: 1200, completionTokens: 300, costUsd: (1200 * 2.5 + 300 * 10) / 1e6 }]);
  });

  it('a refusal fails at once with the model’s words; a truncated answer is retried once with the reason', async () => {
    fake.mode = 'refusal';
    const sent = fake.requests.length;
    await expect(ai.structured(settings(), request('audit_narrative', auditNarrativeSchema))).rejects.toThrow(/the model refused: I'm sorry/);
    expect(fake.requests.length - sent).toBe(1);
    fake.mode = 'malformed';
    await expect(ai.structured(settings(), request('audit_narrative', auditNarrativeSchema))).rejects.toThrow(/cut off at the token limit/);
    expect(fake.requests.length - sent).toBe(3);
    expect(fake.requests.at(-1)!.messages.at(-1)!.content).toMatch(/rejected: cut off at the token limit/);
  });

  it('401 and 500 bodies reach the error; 429 is retried by the SDK after retry-after-ms', async () => {
    const denied = await ai.structured(settings({ apiKey: 'sk-invalid-0000' }), request('audit_narrative', auditNarrativeSchema)).catch((e: unknown) => e);
    expect((denied as Error).message).toMatch(/\(401 Incorrect API key provided/);
    fake.mode = 'error';
    const from = fake.statuses.length;
    const broken = await ai.structured(settings(), request('audit_narrative', auditNarrativeSchema)).catch((e: unknown) => e);
    expect((broken as Error).message).toMatch(/\(500 The server had an error/);
    expect(fake.statuses.slice(from)).toEqual([500, 500]);
    fake.mode = 'rate-limit-then-ok';
    const at = fake.statuses.length;
    expect((await ai.structured(settings(), request('audit_narrative', auditNarrativeSchema))).ok).toBe(true);
    expect(fake.statuses.slice(at)).toEqual([429, 200]);
  });
});
