/**
 * A fake Resend API for tests, speaking Resend's documented wire format: `POST /emails` with a
 * Bearer key and a JSON body (`from`, `to[]`, `subject`, `html`, `text`, `reply_to`, `headers`,
 * `attachments[{ filename, content }]`) answering `{ id }`; a repeated `Idempotency-Key` answers the
 * first id and sends nothing; errors as `{ statusCode, name, message }`; `POST/GET/DELETE /domains`
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
  private readonly idempotent = new Map<string, string>();
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
    const send = (status: number, body: Obj) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const authorized = req.headers.authorization === `Bearer ${this.apiKey}`;
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'POST' && path === '/emails') this.requests.push({ idempotencyKey: req.headers['idempotency-key'] as string | undefined, authorized });
    if (!authorized) return send(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key in the authorization header.' });
    let body: Obj = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return send(422, { statusCode: 422, name: 'validation_error', message: 'Invalid JSON body.' });
    }
    if (req.method === 'POST' && path === '/emails') {
      const key = req.headers['idempotency-key'] as string | undefined;
      if (key && this.idempotent.has(key)) return send(200, { id: this.idempotent.get(key) });
      for (const field of ['from', 'to', 'subject']) if (!body[field]) return send(422, { statusCode: 422, name: 'validation_error', message: `Missing \`${field}\` field.` });
      const id = randomUUID();
      this.emails.push({ id, idempotencyKey: key, body });
      if (key) this.idempotent.set(key, id);
      if (this.failAfterAccept > 0) {
        this.failAfterAccept--;
        return send(500, { statusCode: 500, name: 'internal_server_error', message: 'Connection reset after accepting the e-mail.' });
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
      if (!domain) return send(404, { statusCode: 404, name: 'not_found', message: 'Domain not found' });
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
    return send(404, { statusCode: 404, name: 'not_found', message: `No route ${req.method} ${path}` });
  }
}
