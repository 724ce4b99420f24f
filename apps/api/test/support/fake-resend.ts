/**
 * A fake Resend API for tests, speaking Resend's documented wire format: `POST /emails` with a
 * Bearer key and a JSON body (`from`, `to[]`, `subject`, `html`, `text`, `reply_to`, `headers`,
 * `attachments[{ filename, content }]`, `tags[{ name, value }]`) answering `{ id }`; a repeated
 * `Idempotency-Key` with the same body answers the first id and sends nothing, with another body 409
 * `invalid_idempotent_request`, a key outside 1–256 characters 400 `invalid_idempotency_key`; a body
 * the API would refuse is refused the same way (422 `missing_required_field`, `invalid_from_address`,
 * `invalid_attachment`, `validation_error`); no key 401 `missing_api_key`, a wrong key 403
 * `invalid_api_key`; `rateLimitNext` answers 429 `rate_limit_exceeded` with `retry-after`; errors as
 * `{ statusCode, name, message }`; `POST/GET/DELETE /domains`
 * and `POST /domains/:id/verify`. Webhook events are signed the way Resend signs them (Svix:
 * `svix-id`, `svix-timestamp`, `svix-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`
 * keyed by the base64 part of the `whsec_…` secret). State lives in memory.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'svix';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Resend bodies are open-ended JSON

export interface SentEmail {
  id: string;
  idempotencyKey: string | undefined;
  body: Obj;
}

export class FakeResend {
  readonly apiKey = `re_test_${randomBytes(8).toString('hex')}`;
  readonly webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
  /** Every e-mail actually accepted (a replayed idempotency key adds nothing). */
  readonly emails: SentEmail[] = [];
  /** Every POST /emails request, replays included. */
  readonly requests: { idempotencyKey: string | undefined; authorized: boolean }[] = [];
  readonly domains = new Map<string, Obj>();
  private readonly idempotent = new Map<string, { id: string; body: string }>();
  /** Every refusal sent, in order (status and body). */
  readonly errors: { status: number; body: Obj }[] = [];
  /** Answer the next n POST /emails with 429 rate_limit_exceeded. */
  rateLimitNext = 0;
  /** Accept the next n e-mails, then answer 500 as if the connection died after Resend took them. */
  failAfterAccept = 0;
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  to(address: string): SentEmail[] {
    return this.emails.filter((e) => [e.body.to].flat().includes(address));
  }

  /** A webhook event as Resend sends it, signed with Svix. */
  signedEvent(type: string, data: Obj, opts: { secret?: string; svixId?: string } = {}): { body: string; headers: Record<string, string> } {
    const body = JSON.stringify({ type, created_at: new Date().toISOString(), data: { created_at: new Date().toISOString(), ...data } });
    const svixId = opts.svixId ?? `msg_${randomBytes(12).toString('hex')}`;
    const at = new Date();
    const signature = new Webhook(opts.secret ?? this.webhookSecret).sign(svixId, at, body);
    return { body, headers: { 'content-type': 'application/json', 'svix-id': svixId, 'svix-timestamp': String(Math.floor(at.getTime() / 1000)), 'svix-signature': signature } };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const send = (status: number, body: Obj, headers: Record<string, string> = {}) => {
      if (status >= 400) this.errors.push({ status, body });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const fail = (statusCode: number, name: string, message: string, headers?: Record<string, string>) => send(statusCode, { statusCode, name, message }, headers);
    const authorization = req.headers.authorization;
    const authorized = authorization === `Bearer ${this.apiKey}`;
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'POST' && path === '/emails') this.requests.push({ idempotencyKey: req.headers['idempotency-key'] as string | undefined, authorized });
    if (!authorization || !authorization.startsWith('Bearer ') || authorization === 'Bearer ') return fail(401, 'missing_api_key', 'Missing API key in the authorization header.');
    if (!authorized) return fail(403, 'invalid_api_key', 'API key is invalid');
    let body: Obj = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return fail(422, 'validation_error', 'Invalid JSON body.');
    }
    if (req.method === 'POST' && path === '/emails') {
      const key = req.headers['idempotency-key'] as string | undefined;
      if (key !== undefined && (key.length < 1 || key.length > 256)) return fail(400, 'invalid_idempotency_key', 'The key must be between 1-256 chars.');
      if (this.rateLimitNext > 0) {
        this.rateLimitNext--;
        return fail(429, 'rate_limit_exceeded', 'Too many requests. You can only make 2 requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.', {
          'retry-after': '1', 'ratelimit-limit': '2', 'ratelimit-remaining': '0', 'ratelimit-reset': '1',
        });
      }
      const replay = key === undefined ? undefined : this.idempotent.get(key);
      if (replay) {
        if (replay.body !== raw) return fail(409, 'invalid_idempotent_request', 'Same idempotency key used with a different request payload. Change your idempotency key or payload.');
        return send(200, { id: replay.id });
      }
      const problem = emailProblem(body);
      if (problem) return fail(422, problem.name, problem.message);
      const id = randomUUID();
      this.emails.push({ id, idempotencyKey: key, body });
      if (key) this.idempotent.set(key, { id, body: raw });
      if (this.failAfterAccept > 0) {
        this.failAfterAccept--;
        return fail(500, 'internal_server_error', 'Connection reset after accepting the e-mail.');
      }
      return send(200, { id });
    }
    if (req.method === 'POST' && path === '/domains') {
      const id = randomUUID();
      const name = String(body.name);
      const records = [
        { record: 'SPF', name: 'send', type: 'MX', ttl: 'Auto', status: 'not_started', value: 'feedback-smtp.us-east-1.amazonses.com', priority: 10 },
        { record: 'SPF', name: 'send', type: 'TXT', ttl: 'Auto', status: 'not_started', value: '"v=spf1 include:amazonses.com ~all"' },
        { record: 'DKIM', name: 'resend._domainkey', type: 'TXT', ttl: 'Auto', status: 'not_started', value: 'p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDsample' },
      ];
      const domain = { object: 'domain', id, name, status: 'not_started', created_at: new Date().toISOString(), region: 'us-east-1', records };
      this.domains.set(id, domain);
      return send(200, domain);
    }
    const domainMatch = /^\/domains\/([^/]+)(\/verify)?$/.exec(path);
    if (domainMatch) {
      const domain = this.domains.get(domainMatch[1]);
      if (!domain) return fail(404, 'not_found', 'Domain not found');
      if (req.method === 'POST' && domainMatch[2]) {
        // The fake's DNS always has the records: verification succeeds.
        domain.status = 'verified';
        for (const r of domain.records) r.status = 'verified';
        return send(200, { object: 'domain', id: domain.id });
      }
      if (req.method === 'GET') return send(200, domain);
      if (req.method === 'DELETE') {
        this.domains.delete(domain.id);
        return send(200, { object: 'domain', id: domain.id, deleted: true });
      }
    }
    return fail(404, 'not_found', `No route ${req.method} ${path}`);
  }
}

const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const TAG = /^[A-Za-z0-9_-]{1,256}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** `email@example.com` or `Name <email@example.com>` (the name may be quoted). */
function validSender(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const named = /^\s*(?:"[^"]*"|[^<>"]+)\s*<([^<>]+)>\s*$/.exec(value);
  return ADDRESS.test(named ? named[1] : value.trim());
}

/** What POST /emails refuses in a body (the first problem, as Resend names it), or null. */
export function emailProblem(body: Obj): { name: string; message: string } | null {
  for (const field of ['from', 'to', 'subject']) {
    if (body[field] === undefined || body[field] === null || body[field] === '') return { name: 'missing_required_field', message: `Missing \`${field}\` field.` };
  }
  if (!validSender(body.from)) return { name: 'invalid_from_address', message: 'Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.' };
  const to = [body.to].flat();
  if (to.length > 50) return { name: 'validation_error', message: 'Invalid `to` field. The maximum number of recipients is 50.' };
  if (!to.every((a) => typeof a === 'string' && validSender(a))) return { name: 'validation_error', message: 'Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.' };
  if (typeof body.subject !== 'string') return { name: 'validation_error', message: 'Invalid `subject` field. Expected a string.' };
  for (const field of ['html', 'text']) if (body[field] !== undefined && typeof body[field] !== 'string') return { name: 'validation_error', message: `Invalid \`${field}\` field. Expected a string.` };
  if (body.reply_to !== undefined && ![body.reply_to].flat().every((a) => typeof a === 'string' && validSender(a))) return { name: 'validation_error', message: 'Invalid `reply_to` field.' };
  if (body.headers !== undefined && (typeof body.headers !== 'object' || Array.isArray(body.headers) || !Object.values(body.headers).every((v) => typeof v === 'string'))) {
    return { name: 'validation_error', message: 'Invalid `headers` field. Expected an object of string values.' };
  }
  if (body.tags !== undefined) {
    if (!Array.isArray(body.tags)) return { name: 'validation_error', message: 'Invalid `tags` field. Expected an array.' };
    for (const tag of body.tags as Obj[]) {
      if (!TAG.test(String(tag?.name)) || !TAG.test(String(tag?.value))) return { name: 'validation_error', message: 'Tags should only contain ASCII letters, numbers, underscores, or dashes.' };
    }
  }
  if (body.attachments !== undefined) {
    if (!Array.isArray(body.attachments)) return { name: 'validation_error', message: 'Invalid `attachments` field. Expected an array.' };
    for (const a of body.attachments as Obj[]) {
      if (a?.content === undefined && a?.path === undefined) return { name: 'invalid_attachment', message: 'Attachment must have either a `content` or `path`.' };
      if (a.content !== undefined && (typeof a.content !== 'string' || !BASE64.test(a.content))) return { name: 'invalid_attachment', message: 'Attachment `content` must be a base64 encoded string.' };
      if (typeof a.filename !== 'string' || !a.filename) return { name: 'validation_error', message: 'Invalid `attachments.filename` field. Expected a string.' };
    }
  }
  return null;
}
