import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeOpenAiMode = 'ok' | 'hang' | 'malformed' | 'error';

export interface FakeOpenAi {
  baseUrl: string;
  /** Bodies of every chat completion request received, in order. */
  requests: { model: string; messages: { role: string; content: string }[]; response_format?: { type: string; json_schema?: { name: string } } }[];
  mode: FakeOpenAiMode;
  /** Answers per kind (the `json_schema.name` is `<kind>_items`). */
  answers: Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible server on 127.0.0.1 speaking the documented chat completions wire format
 * (`POST /v1/chat/completions` → `chat.completion`), with modes for a hang and a malformed answer.
 */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const hanging = new Set<ServerResponse>();
  const fake: FakeOpenAi = {
    baseUrl: '',
    requests: [],
    mode: 'ok',
    answers: {},
    close: async () => {
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
        return;
      }
      const body = JSON.parse(raw);
      fake.requests.push(body);
      if (fake.mode === 'hang') {
        hanging.add(res);
        return;
      }
      if (fake.mode === 'error') {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'upstream broke', type: 'server_error' } }));
        return;
      }
      const name: string = body.response_format?.json_schema?.name ?? '';
      const kind = name.replace(/_items$/, '');
      const content = fake.mode === 'malformed' ? JSON.stringify({ items: [{ nope: true }] }) : JSON.stringify(fake.answers[kind] ?? { items: [] });
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'chatcmpl-test',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
          usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}
