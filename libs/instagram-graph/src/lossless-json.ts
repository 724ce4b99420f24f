import type { JsonValue } from './json.js';

// Meta returns some ids as bare JSON integers above 2^53 (the token exchange's `user_id`, API.md §1.4):
// JSON.parse would silently round them (26123456789012345 → 26123456789012344). We rewrite the raw
// text so that integer values of id-like keys become strings *before* JSON.parse ever sees them, so
// the digits never pass through a JS number.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/** `id`, `user_id`, `media_id`, …: every key Meta uses for an identifier. */
export function isIdKey(key: string): boolean {
  return key === 'id' || key.endsWith('_id');
}

function isNumberStart(code: number): boolean {
  return code === 0x2d || (code >= 0x30 && code <= 0x39);
}

function isNumberChar(code: number): boolean {
  // digits, '.', '+', '-', 'e', 'E'
  return (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2b || code === 0x2d || code === 0x65 || code === 0x45;
}

// Cheap pre-check: Graph answers carry ids as strings, so most bodies have no bare id integer at all
// and skip the scan. A match inside a string value only costs the scan, never correctness.
const BARE_ID_INTEGER_HINT = /"(?:id|\w*_id)"\s*:\s*-?\d/;

/** Returns the JSON text with integer values of id-like keys wrapped in quotes. Strings are skipped
 * with their escapes, so digits inside string values are never touched. */
export function quoteIdIntegers(text: string): string {
  if (!BARE_ID_INTEGER_HINT.test(text)) return text;
  let output = '';
  let copiedUpTo = 0;
  // Positions (not copies) of the last string and of the key owning the upcoming value, to keep
  // allocations low on large pages.
  let lastStringStart = -1;
  let lastStringEnd = -1;
  let keyStart = -1;
  let keyEnd = -1;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      const start = index;
      index += 1;
      while (index < text.length) {
        const inner = text.charCodeAt(index);
        if (inner === BACKSLASH) {
          index += 2;
          continue;
        }
        index += 1;
        if (inner === QUOTE) break;
      }
      lastStringStart = start;
      lastStringEnd = index;
      keyStart = -1;
      continue;
    }
    if (code === COLON) {
      keyStart = lastStringStart;
      keyEnd = lastStringEnd;
      lastStringStart = -1;
      index += 1;
      continue;
    }
    if (isNumberStart(code)) {
      const start = index;
      while (index < text.length && isNumberChar(text.charCodeAt(index))) index += 1;
      if (keyStart >= 0) {
        const literal = text.slice(start, index);
        if (/^-?\d+$/.test(literal) && isIdKey(decodeKey(text.slice(keyStart, keyEnd)))) {
          output += `${text.slice(copiedUpTo, start)}"${literal}"`;
          copiedUpTo = index;
        }
      }
      keyStart = -1;
      continue;
    }
    if (code > 0x20) {
      // any other structural character or literal (true/false/null/{/[/,) ends the "value of key" context
      keyStart = -1;
      lastStringStart = -1;
    }
    index += 1;
  }
  return output + text.slice(copiedUpTo);
}

function decodeKey(rawQuotedKey: string): string {
  if (!rawQuotedKey.includes('\\')) return rawQuotedKey.slice(1, -1);
  try {
    const decoded: unknown = JSON.parse(rawQuotedKey);
    return typeof decoded === 'string' ? decoded : '';
  } catch {
    return '';
  }
}

/** JSON.parse that keeps every id-like integer as its exact digits (a string). Throws SyntaxError on invalid JSON. */
export function parseJsonLossless(text: string): JsonValue {
  return JSON.parse(quoteIdIntegers(text)) as JsonValue;
}
