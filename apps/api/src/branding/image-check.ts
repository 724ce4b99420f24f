import { createHash } from 'node:crypto';
import type { BrandingAssetKind } from '@instagrowth/contracts';
import { badRequest } from '../core/errors/domain-error.js';
import { sanitizeSvg } from './svg-sanitize.js';

export interface CheckedImage {
  bytes: Buffer;
  contentType: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  ext: 'png' | 'jpg' | 'svg';
  width: number;
  height: number;
  sanitized: boolean;
  /** Content hash: the file name, so the URL changes whenever the bytes do (immutable caching). */
  hash: string;
}

/** Per kind: what it may be, how big in bytes and in pixels. */
export const ASSET_RULES: Record<BrandingAssetKind, { types: CheckedImage['ext'][]; maxBytes: number; minSide: number; maxSide: number; square?: boolean }> = {
  logo: { types: ['png', 'jpg', 'svg'], maxBytes: 512 * 1024, minSide: 16, maxSide: 4096 },
  reportLogo: { types: ['png', 'jpg', 'svg'], maxBytes: 512 * 1024, minSide: 16, maxSide: 4096 },
  favicon: { types: ['png', 'svg'], maxBytes: 128 * 1024, minSide: 16, maxSide: 1024, square: true },
};

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG: width/height from the IHDR chunk, which the format requires first. */
function pngSize(b: Buffer): { width: number; height: number } | null {
  if (b.length < 24 || !b.subarray(0, 8).equals(PNG_MAGIC) || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** JPEG: walk the markers to the first SOFn frame header. */
function jpegSize(b: Buffer): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) { i++; continue; }
    const len = b.readUInt16BE(i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  return null;
}

function looksLikeSvg(b: Buffer): boolean {
  // Markup that declares an <svg> early; the sanitiser then decides (a DOCTYPE is refused there).
  const head = b.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<') && /<svg[\s>]/i.test(head);
}

/**
 * Decides what an upload is from its bytes, never from its name or declared type, and refuses
 * anything outside the kind's rules. SVGs come back rewritten by the allow-list sanitiser.
 */
export function checkImage(kind: BrandingAssetKind, input: Buffer): CheckedImage {
  const rules = ASSET_RULES[kind];
  if (input.length === 0) throw badRequest('empty_file', 'The file is empty.', { file: 'is empty' });
  if (input.length > rules.maxBytes) throw badRequest('file_too_large', `The file is ${Math.ceil(input.length / 1024)} KB; a ${kind} may be at most ${rules.maxBytes / 1024} KB.`, { file: `must be at most ${rules.maxBytes / 1024} KB` });
  let result: Omit<CheckedImage, 'hash'>;
  const png = pngSize(input);
  const jpeg = png ? null : jpegSize(input);
  if (png) result = { bytes: input, contentType: 'image/png', ext: 'png', ...png, sanitized: false };
  else if (jpeg) result = { bytes: input, contentType: 'image/jpeg', ext: 'jpg', ...jpeg, sanitized: false };
  else if (looksLikeSvg(input)) {
    const clean = sanitizeSvg(input.toString('utf8'));
    if (!clean.ok) throw badRequest('unsafe_svg', `This SVG cannot be used: ${clean.reason}.`, { file: clean.reason });
    result = { bytes: Buffer.from(clean.svg, 'utf8'), contentType: 'image/svg+xml', ext: 'svg', width: clean.width, height: clean.height, sanitized: clean.changed };
  } else {
    throw badRequest('unsupported_image', 'The file is not a PNG, JPEG or SVG image (checked by its content, not its name).', { file: 'must be a PNG, JPEG or SVG image' });
  }
  if (!rules.types.includes(result.ext)) throw badRequest('unsupported_image', `A ${kind} must be ${rules.types.map((x) => x.toUpperCase()).join(' or ')}.`, { file: `must be ${rules.types.join(' or ')}` });
  const { width, height } = result;
  if (width < rules.minSide || height < rules.minSide || width > rules.maxSide || height > rules.maxSide) {
    throw badRequest('bad_dimensions', `The image is ${width}×${height}; a ${kind} must be between ${rules.minSide} and ${rules.maxSide} pixels on each side.`, { file: `must be ${rules.minSide}–${rules.maxSide} px per side` });
  }
  if (rules.square && Math.abs(width - height) > Math.max(width, height) * 0.1) {
    throw badRequest('bad_dimensions', `A favicon must be square; this one is ${width}×${height}.`, { file: 'must be square' });
  }
  const hash = createHash('sha256').update(result.bytes).digest('hex').slice(0, 20);
  return { ...result, hash };
}
