import { CSV_POST_COLUMNS, INT4_MAX, isSaneDate, MAX_DATE, MIN_DATE, unsafeTextReason } from '@instagrowth/contracts';

export interface CsvPost {
  row: number;
  postedAt: Date;
  caption: string | null;
  mediaType: string;
  metrics: Record<'likes' | 'comments' | 'saves' | 'shares' | 'reach' | 'views', number | null>;
  permalink: string | null;
}

export interface CsvParseResult {
  posts: CsvPost[];
  rejected: { row: number; reason: string }[];
}

const MEDIA_TYPES = ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM', 'REEL'];
const NUMERIC = ['likes', 'comments', 'saves', 'shares', 'reach', 'views'] as const;
/** Longest caption Instagram allows is 2,200 characters; a permalink is a URL. */
const MAX_CAPTION = 2_200;
const MAX_PERMALINK = 2_048;

/** RFC 4180 records: quoted fields, doubled quotes, CRLF or LF, newlines inside quotes. */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => r.some((f) => f.trim() !== ''));
}

/**
 * Parses the documented post CSV. Every row is accepted or rejected with a reason (row numbers
 * count the header as row 1, as spreadsheets show them). Empty metric cells are "unavailable".
 */
export function parsePostsCsv(text: string): CsvParseResult {
  const records = parseCsvRecords(text);
  const rejected: CsvParseResult['rejected'] = [];
  if (!records.length) return { posts: [], rejected: [{ row: 1, reason: 'the file is empty' }] };
  const header = records[0].map((h) => h.trim().toLowerCase());
  const unknown = header.filter((h) => !(CSV_POST_COLUMNS as readonly string[]).includes(h));
  if (!header.includes('posted_at')) return { posts: [], rejected: [{ row: 1, reason: `the header must contain posted_at (columns: ${CSV_POST_COLUMNS.join(', ')})` }] };
  if (unknown.length) return { posts: [], rejected: [{ row: 1, reason: `unknown column(s): ${unknown.join(', ')} (allowed: ${CSV_POST_COLUMNS.join(', ')})` }] };
  const posts: CsvPost[] = [];
  records.slice(1).forEach((cells, index) => {
    const row = index + 2;
    const get = (name: string) => {
      const i = header.indexOf(name);
      const v = i >= 0 ? (cells[i] ?? '').trim() : '';
      return v === '' ? null : v;
    };
    if (cells.length > header.length) return rejected.push({ row, reason: `has ${cells.length} cells but the header has ${header.length}` });
    // A cell the database cannot store rejects its row, never the whole import.
    for (let i = 0; i < cells.length; i++) {
      const reason = unsafeTextReason(cells[i]);
      if (reason) return rejected.push({ row, reason: `${header[i]} ${reason}` });
    }
    const postedRaw = get('posted_at');
    const postedAt = postedRaw ? new Date(postedRaw) : null;
    if (!postedRaw || !postedAt || Number.isNaN(postedAt.getTime())) return rejected.push({ row, reason: `posted_at "${(postedRaw ?? '').slice(0, 40)}" is not a date (use 2026-11-01 or 2026-11-01T18:30:00Z)` });
    if (postedAt.getTime() > Date.now() + 86_400_000) return rejected.push({ row, reason: 'posted_at is in the future' });
    if (!isSaneDate(postedAt)) return rejected.push({ row, reason: `posted_at must be between ${MIN_DATE} and ${MAX_DATE}` });
    const caption = get('caption');
    if (caption && caption.length > MAX_CAPTION) return rejected.push({ row, reason: `caption must be at most ${MAX_CAPTION} characters` });
    const permalink = get('permalink');
    if (permalink && (permalink.length > MAX_PERMALINK || !/^https?:\/\//i.test(permalink))) return rejected.push({ row, reason: 'permalink must be an http(s) URL of at most 2048 characters' });
    const mediaType = (get('media_type') ?? 'IMAGE').toUpperCase();
    if (!MEDIA_TYPES.includes(mediaType)) return rejected.push({ row, reason: `media_type "${mediaType.slice(0, 40)}" must be one of ${MEDIA_TYPES.join(', ')}` });
    const metrics = {} as CsvPost['metrics'];
    for (const name of NUMERIC) {
      const raw = get(name);
      if (raw === null) {
        metrics[name] = null;
        continue;
      }
      const n = Number(raw.replace(/[_\s]/g, ''));
      if (!Number.isInteger(n) || n < 0) return rejected.push({ row, reason: `${name} "${raw.slice(0, 40)}" must be a whole number ≥ 0` });
      if (n > INT4_MAX) return rejected.push({ row, reason: `${name} must be at most ${INT4_MAX}` });
      metrics[name] = n;
    }
    posts.push({ row, postedAt, caption, mediaType, metrics, permalink });
  });
  return { posts, rejected };
}
