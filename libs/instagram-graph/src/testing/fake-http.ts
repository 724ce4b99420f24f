import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { JsonValue } from '../json.js';

// Small HTTP helpers for the fake: bodies, forms, tokens, JSON and Graph error answers.

export interface FakeRequest {
  method: string;
  url: URL;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  form: URLSearchParams;
  /** From `access_token` (query or form) or `Authorization: Bearer`. */
  token: string | undefined;
}

export interface GraphErrorSpec {
  message: string;
  code: number;
  type?: string;
  subcode?: number;
  isTransient?: boolean;
}

const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** application/x-www-form-urlencoded or multipart/form-data (both accepted by the real token endpoint, §1.4). */
export function parseForm(contentType: string | undefined, body: string): URLSearchParams {
  const type = contentType?.toLowerCase() ?? '';
  if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
    const marker = boundary?.[1] ?? boundary?.[2];
    const form = new URLSearchParams();
    if (marker === undefined) return form;
    for (const part of body.split(`--${marker}`)) {
      const name = /name="([^"]+)"/i.exec(part)?.[1];
      const valueStart = part.indexOf('\r\n\r\n');
      if (name === undefined || valueStart < 0) continue;
      form.set(name, part.slice(valueStart + 4).replace(/\r\n$/, ''));
    }
    return form;
  }
  if (type.startsWith('application/x-www-form-urlencoded') || (type === '' && body.includes('='))) return new URLSearchParams(body);
  return new URLSearchParams();
}

export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  const match = header === undefined ? null : /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header);
  return match?.[1];
}

export function sendRaw(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}, contentType = 'application/json; charset=UTF-8'): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function sendJson(response: ServerResponse, status: number, value: JsonValue, headers: Record<string, string> = {}): void {
  sendRaw(response, status, JSON.stringify(value), headers);
}

let traceCounter = 0;

export function fbtraceId(): string {
  traceCounter += 1;
  return `AFakeTrace${traceCounter.toString(36).padStart(6, '0')}`;
}

export function sendGraphError(response: ServerResponse, status: number, spec: GraphErrorSpec, headers: Record<string, string> = {}): void {
  const error: Record<string, JsonValue> = { message: spec.message, type: spec.type ?? 'OAuthException', code: spec.code };
  if (spec.subcode !== undefined) error['error_subcode'] = spec.subcode;
  if (spec.isTransient !== undefined) error['is_transient'] = spec.isTransient;
  error['fbtrace_id'] = fbtraceId();
  sendJson(response, status, { error }, headers);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

/** `a,b,children{id,media_type}` → name → sub-fields (null when none were given). */
export function parseFieldSpec(spec: string): Map<string, string[] | null> {
  const fields = new Map<string, string[] | null>();
  let depth = 0;
  let current = '';
  const flush = (): void => {
    const token = current.trim();
    current = '';
    if (token === '') return;
    const brace = token.indexOf('{');
    if (brace < 0) fields.set(token, null);
    else fields.set(token.slice(0, brace), token.slice(brace + 1, token.lastIndexOf('}')).split(',').map((field) => field.trim()).filter((field) => field !== ''));
  };
  for (const char of spec) {
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    if (char === ',' && depth === 0) flush();
    else current += char;
  }
  flush();
  return fields;
}
