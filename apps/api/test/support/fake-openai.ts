/**
 * A fake OpenAI API on 127.0.0.1 speaking the documented wire format of every endpoint our code calls:
 * `POST /v1/chat/completions` (structured outputs via `response_format: { type: 'json_schema' }`) answering
 * a `chat.completion` with `usage.prompt_tokens/completion_tokens`, and `GET /v1/models` (the console's
 * test connection). It refuses what the real API refuses, with the documented error body
 * `{ error: { message, type, param, code } }`: 401 without a key or with a key starting `sk-invalid`,
 * 400 `invalid_request_error` for a missing `model` or `messages`, a `json_schema` without `name` or
 * with a name outside `^[a-zA-Z0-9_-]{1,64}$`, and a `strict` schema outside the supported subset
 * (root not an object, an object without `additionalProperties: false` or without every property in
 * `required`, an unsupported keyword such as `oneOf`/`allOf`/`not`/`if`/`uniqueItems`). Like the real
 * API it answers the dated snapshot of a model alias (`gpt-4o-mini` → `gpt-4o-mini-2024-07-18`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the next chat completion does (a malformed request is refused whatever the mode). */
export type FakeOpenAiMode =
  /** A well-formed answer: `answers[kind]` for `<kind>_items`, a narrative built from the data for `audit_narrative`. */
  | 'ok'
  /** An audit narrative citing a number the data does not contain (our check must reject it). */
  | 'invent'
  /** The answer is cut off by the token limit: `finish_reason: 'length'`, content not parseable JSON. */
  | 'malformed'
  /** The model refuses: `content: null`, `refusal` set (structured outputs' documented refusal). */
  | 'refusal'
  /** Never answers (until the client gives up or the server closes). */
  | 'timeout'
  /** 429 `rate_limit_exceeded` once (with `retry-after-ms` and `x-ratelimit-*` headers), then `ok`. */
  | 'rate-limit-then-ok'
  /** 500 `server_error` on every request. */
  | 'error';

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  [key: string]: unknown;
}

export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export interface FakeOpenAi {
  baseUrl: string;
  mode: FakeOpenAiMode;
  /** Answers per kind for `<kind>_items` schemas. */
  answers: Record<string, unknown>;
  /** Every chat completion request body received, in order (refused ones included). */
  requests: ChatRequest[];
  /** The status of every chat completion answered, in order. */
  statuses: number[];
  /** The error bodies sent, in order. */
  errors: OpenAiErrorBody[];
  close(): Promise<void>;
}

/** The dated snapshot the real API reports in `model` for an alias. */
export const SNAPSHOTS: Record<string, string> = {
  'gpt-4o-mini': 'gpt-4o-mini-2024-07-18',
  'gpt-4o': 'gpt-4o-2024-08-06',
  'gpt-4.1-mini': 'gpt-4.1-mini-2025-04-14',
};

const UNSUPPORTED_KEYWORDS = [
  'allOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentRequired', 'dependentSchemas', 'dependencies',
  'patternProperties', 'propertyNames', 'minProperties', 'maxProperties', 'unevaluatedProperties',
  'unevaluatedItems', 'contains', 'minContains', 'maxContains', 'uniqueItems', 'prefixItems',
];

const err = (message: string, type: string, param: string | null = null, code: string | null = null): OpenAiErrorBody => ({ error: { message, type, param, code } });

/** The first way a `strict: true` schema leaves the supported subset, in the real API's words; null when it is fine. */
export function strictSchemaProblem(name: string, schema: unknown): string | null {
  const prefix = `Invalid schema for response_format '${name}'`;
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return `${prefix}: schema must be a JSON Schema of 'type: "object"', got 'type: "None"'.`;
  const root = schema as Record<string, unknown>;
  if (root.type !== 'object' || 'anyOf' in root) return `${prefix}: schema must be a JSON Schema of 'type: "object"', got 'type: "${String(root.type ?? 'None')}"'.`;
  const visit = (node: unknown, path: string[]): string | null => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return null;
    const n = node as Record<string, unknown>;
    const context = `In context=(${path.map((p) => `'${p}'`).join(', ')}${path.length === 1 ? ',' : ''})`;
    for (const k of UNSUPPORTED_KEYWORDS) if (k in n) return `${prefix}: ${context}, '${k}' is not permitted.`;
    const types = [n.type].flat();
    if (types.includes('object') || 'properties' in n) {
      if (n.additionalProperties !== false) return `${prefix}: ${context}, 'additionalProperties' is required to be supplied and to be false.`;
      const keys = Object.keys((n.properties as Record<string, unknown>) ?? {});
      const required = Array.isArray(n.required) ? (n.required as string[]) : [];
      const missing = keys.filter((k) => !required.includes(k));
      if (!Array.isArray(n.required) && keys.length) return `${prefix}: ${context}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${keys[0]}'.`;
      if (missing.length) return `${prefix}: ${context}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0]}'.`;
      const extra = required.filter((k) => !keys.includes(k));
      if (extra.length) return `${prefix}: ${context}, 'required' present but '${extra[0]}' is not in properties.`;
      for (const [k, child] of Object.entries((n.properties as Record<string, unknown>) ?? {})) {
        const problem = visit(child, [...path, 'properties', k]);
        if (problem) return problem;
      }
    }
    if (n.items) {
      const problem = visit(n.items, [...path, 'items']);
      if (problem) return problem;
    }
    for (const key of ['anyOf'] as const) {
      for (const [i, child] of ((n[key] as unknown[]) ?? []).entries()) {
        const problem = visit(child, [...path, key, String(i)]);
        if (problem) return problem;
      }
    }
    for (const key of ['$defs', 'definitions'] as const) {
      for (const [k, child] of Object.entries((n[key] as Record<string, unknown>) ?? {})) {
        const problem = visit(child, [...path, key, k]);
        if (problem) return problem;
      }
    }
    return null;
  };
  return visit(root, []);
}

/** The 400 the real API answers for a chat completion body, or null when it would accept it. */
export function chatRequestProblem(body: unknown): OpenAiErrorBody | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return err('Invalid type for request body: expected an object.', 'invalid_request_error', null, 'invalid_type');
  const b = body as Record<string, unknown>;
  if (b.model === undefined || b.model === null || b.model === '') return err('you must provide a model parameter', 'invalid_request_error');
  if (typeof b.model !== 'string') return err(`Invalid type for 'model': expected a string, but got ${typeof b.model} instead.`, 'invalid_request_error', 'model', 'invalid_type');
  if (b.messages === undefined) return err("Missing required parameter: 'messages'.", 'invalid_request_error', 'messages', 'missing_required_parameter');
  if (!Array.isArray(b.messages)) return err(`Invalid type for 'messages': expected an array of objects, but got ${typeof b.messages} instead.`, 'invalid_request_error', 'messages', 'invalid_type');
  if (b.messages.length === 0) return err("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'invalid_request_error', 'messages', 'empty_array');
  for (const [i, m] of (b.messages as Record<string, unknown>[]).entries()) {
    if (!['system', 'developer', 'user', 'assistant', 'tool'].includes(String(m?.role))) {
      return err(`Invalid value: '${String(m?.role)}'. Supported values are: 'system', 'assistant', 'user', 'tool', and 'developer'.`, 'invalid_request_error', `messages[${i}].role`, 'invalid_value');
    }
    if (m.content === undefined && m.role !== 'assistant') return err(`Missing required parameter: 'messages[${i}].content'.`, 'invalid_request_error', `messages[${i}].content`, 'missing_required_parameter');
  }
  const rf = b.response_format as Record<string, unknown> | undefined;
  if (rf !== undefined) {
    if (!rf || typeof rf !== 'object') return err("Invalid type for 'response_format': expected an object.", 'invalid_request_error', 'response_format', 'invalid_type');
    if (!['text', 'json_object', 'json_schema'].includes(String(rf.type))) {
      return err(`Invalid value: '${String(rf.type)}'. Supported values are: 'json_object', 'json_schema', and 'text'.`, 'invalid_request_error', 'response_format.type', 'invalid_value');
    }
    if (rf.type === 'json_schema') {
      const js = rf.json_schema as Record<string, unknown> | undefined;
      if (!js || typeof js !== 'object') return err("Missing required parameter: 'response_format.json_schema'.", 'invalid_request_error', 'response_format.json_schema', 'missing_required_parameter');
      if (js.name === undefined) return err("Missing required parameter: 'response_format.json_schema.name'.", 'invalid_request_error', 'response_format.json_schema.name', 'missing_required_parameter');
      if (typeof js.name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(js.name)) {
        return err("Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$' with at most 64 characters.", 'invalid_request_error', 'response_format.json_schema.name', 'invalid_value');
      }
      if (js.strict !== undefined && js.strict !== null && typeof js.strict !== 'boolean') return err("Invalid type for 'response_format.json_schema.strict': expected a boolean.", 'invalid_request_error', 'response_format.json_schema.strict', 'invalid_type');
      if (js.strict === true) {
        const problem = strictSchemaProblem(js.name, js.schema);
        if (problem) return err(problem, 'invalid_request_error', 'response_format', 'invalid_json_schema');
      }
    }
  }
  return null;
}

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

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => resolve(body));
  });

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const hanging = new Set<ServerResponse>();
  let limited = false;
  let completions = 0;
  const fake: Omit<FakeOpenAi, 'baseUrl' | 'close'> = { mode: 'ok', answers: {}, requests: [], statuses: [], errors: [] };
  const server: Server = createServer(async (req, res) => {
    const raw = await read(req);
    const path = (req.url ?? '/').split('?')[0];
    const chat = req.method === 'POST' && path === '/v1/chat/completions';
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      if (chat) fake.statuses.push(status);
      if (status >= 400) fake.errors.push(payload as OpenAiErrorBody);
      res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${Date.now().toString(16)}`, ...headers }).end(JSON.stringify(payload));
    };
    let body: unknown;
    if (chat) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      fake.requests.push((body ?? {}) as ChatRequest);
    }
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || auth === 'Bearer ') {
      return send(401, err("You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username.", 'invalid_request_error'));
    }
    const key = auth.slice('Bearer '.length);
    if (key.startsWith('sk-invalid')) {
      return send(401, err(`Incorrect API key provided: ${key.slice(0, 3)}*****${key.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', null, 'invalid_api_key'));
    }
    if (req.method === 'GET' && path === '/v1/models') {
      const models = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini'].map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'system' }));
      return send(200, { object: 'list', data: models });
    }
    if (!chat) return send(404, err(`Invalid URL (${req.method} ${path})`, 'invalid_request_error'));
    if (body === undefined) {
      return send(400, err("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)", 'invalid_request_error'));
    }
    const problem = chatRequestProblem(body);
    if (problem) return send(400, problem);
    const request = body as ChatRequest;
    if (fake.mode === 'timeout') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (fake.mode === 'error') return send(500, err('The server had an error while processing your request. Sorry about that!', 'server_error'));
    if (fake.mode === 'rate-limit-then-ok' && !limited) {
      limited = true;
      return send(429, err(`Rate limit reached for ${request.model} in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20ms.`, 'requests', null, 'rate_limit_exceeded'), {
        'retry-after-ms': '20',
        'x-ratelimit-limit-requests': '3',
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '20ms',
      });
    }
    const name = request.response_format?.json_schema?.name ?? '';
    const user = request.messages.find((m) => m.role === 'user')?.content ?? '{}';
    let content: string | null;
    let refusal: string | null = null;
    let finish = 'stop';
    if (fake.mode === 'refusal') {
      content = null;
      refusal = "I'm sorry, I can't assist with that request.";
    } else if (fake.mode === 'malformed') {
      content = '{"items": [{"text": "Stop scrolling, smell the';
      finish = 'length';
    } else if (name === 'audit_narrative') {
      content = JSON.stringify(narrativeFor(user, fake.mode === 'invent'));
    } else {
      content = JSON.stringify(fake.answers[name.replace(/_items$/, '')] ?? { items: [] });
    }
    completions++;
    return send(200, {
      id: `chatcmpl-fake${completions}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: SNAPSHOTS[request.model] ?? request.model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal, annotations: [] }, logprobs: null, finish_reason: finish }],
      usage: {
        prompt_tokens: 1200,
        completion_tokens: 300,
        total_tokens: 1500,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      service_tier: 'default',
      system_fingerprint: 'fp_fake',
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
