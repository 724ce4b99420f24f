// Access tokens travel in query strings (the token endpoints require it and `paging.next` embeds
// it, API.md §3), so every URL or message that may reach a log or an error is scrubbed here first.

export const REDACTED = 'REDACTED';

const SECRET_PARAMS = ['access_token', 'client_secret', 'appsecret_proof', 'input_token', 'fb_exchange_token'];
const SECRET_PARAM_ALTERNATION = SECRET_PARAMS.join('|');

// `access_token=…` inside a URL or free text, plain or percent-encoded once (`access_token%3D…`).
const QUERY_PARAM_PATTERN = new RegExp(`(^|[^A-Za-z0-9_])(${SECRET_PARAM_ALTERNATION})(=|%3D)([^&#\\s"'<>]*)`, 'gi');
// `"access_token":"…"` inside a JSON body that ended up in a message.
const JSON_FIELD_PATTERN = new RegExp(`("(?:${SECRET_PARAM_ALTERNATION})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)(")`, 'gi');
const BEARER_PATTERN = /(\b(?:Bearer|OAuth)\s+)[A-Za-z0-9._~+/=-]+/g;

// Literal secrets shorter than this are not scrubbed, so a short value cannot mangle a whole message.
const MIN_LITERAL_SECRET_LENGTH = 8;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces every known secret (query params, JSON fields, bearer headers, plus the given literal values) with REDACTED. */
export function redactSecrets(text: string, literalSecrets: readonly (string | undefined)[] = []): string {
  let result = text
    .replace(QUERY_PARAM_PATTERN, (_match, prefix: string, name: string, equals: string) => `${prefix}${name}${equals}${REDACTED}`)
    .replace(JSON_FIELD_PATTERN, (_match, head: string, _value: string, tail: string) => `${head}${REDACTED}${tail}`)
    .replace(BEARER_PATTERN, (_match, head: string) => `${head}${REDACTED}`);
  for (const secret of literalSecrets) {
    if (secret !== undefined && secret.length >= MIN_LITERAL_SECRET_LENGTH) {
      result = result.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) result = result.replace(new RegExp(escapeRegExp(encoded), 'g'), REDACTED);
    }
  }
  return result;
}

/** A URL safe to log: `access_token` (and other secret params) replaced by REDACTED, the rest untouched. */
export function redactUrl(url: string | URL): string {
  return redactSecrets(typeof url === 'string' ? url : url.toString());
}
