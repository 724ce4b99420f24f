import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the next chat completion does. */
export type FakeOpenAiMode =
  /** A well-formed narrative built from the request's data (no numbers of its own). */
  | 'structured'
  /** Prose that cites a number the data does not contain (must be rejected). */
  | 'invent'
  /** Content that is not JSON. */
  | 'malformed'
  /** Never answers in time. */
  | 'timeout'
  /** 429 once (retry-after-ms: 20), then a structured answer. */
  | 'rate-limit-then-ok';

export interface FakeOpenAi {
  baseUrl: string;
  mode: FakeOpenAiMode;
  /** Every request body received, in order. */
  requests: { model: string; messages: { role: string; content: string }[]; response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } } }[];
  statuses: number[];
  close(): Promise<void>;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => resolve(body));
  });

/** A narrative whose prose only repeats words: ids of the recommendations it was given, no numbers. */
function narrativeFor(userContent: string, invent: boolean) {
  const data = JSON.parse(userContent) as { account: string; recommendations: { id: string; title: string }[] };
  const areas = ['engagement', 'consistency', 'growth', 'content', 'risk'].map((area) => ({ area, text: `The ${area} area is explained by the computed score and its formula.` }));
  return {
    summary: invent ? `Your account grew by 987654 followers last week.` : `This audit of ${data.account} explains the computed scores. Start with the first recommendation.`,
    areas,
    recommendations: data.recommendations.map((r) => ({ id: r.id, text: `${r.title}: follow the steps in the roadmap.` })),
  };
}

/** An OpenAI-compatible server speaking `POST /v1/chat/completions` with the real answer shape, incl. `usage`. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const fake = { mode: 'structured' as FakeOpenAiMode, requests: [] as FakeOpenAi['requests'], statuses: [] as number[] };
  let limited = false;
  const hanging = new Set<() => void>();
  const server: Server = createServer(async (req, res) => {
    const raw = await read(req);
    // The model list (the console's test connection): keys starting with sk-invalid are refused as OpenAI does.
    if (req.method === 'GET' && req.url?.startsWith('/v1/models')) {
      const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (key.startsWith('sk-invalid')) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({
          error: { message: `Incorrect API key provided: ${key.slice(0, 3)}*****${key.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
        }));
        return;
      }
      const models = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini'].map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'system' }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: models }));
      return;
    }
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
      return;
    }
    const body = JSON.parse(raw);
    fake.requests.push(body);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      fake.statuses.push(status);
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
    };
    if (fake.mode === 'timeout') {
      // Hold the request until the client gives up (or the server closes).
      await new Promise<void>((resolve) => {
        hanging.add(resolve);
        res.on('close', resolve);
      });
      return;
    }
    if (fake.mode === 'rate-limit-then-ok' && !limited) {
      limited = true;
      send(429, { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after-ms': '20' });
      return;
    }
    const user = body.messages.find((m: { role: string }) => m.role === 'user')?.content ?? '{}';
    const content = fake.mode === 'malformed' ? 'Sure! Here is your audit: {"summary": ' : JSON.stringify(narrativeFor(user, fake.mode === 'invent'));
    send(200, {
      id: `chatcmpl-${fake.requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500 },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    async close() {
      for (const release of hanging) release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
