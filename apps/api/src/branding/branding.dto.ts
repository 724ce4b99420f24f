import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { brandingAssetKindSchema, type BrandingAssetKind } from '@instagrowth/contracts';
import { badRequest, validationFailed } from '../core/errors/domain-error.js';

/** Largest upload the parser accepts at all; each kind has its own smaller limit (image-check.ts). */
export const MAX_UPLOAD_BYTES = 1024 * 1024;

/**
 * Reads `kind` and `file` from a multipart body, in either order. The file is buffered (at most
 * MAX_UPLOAD_BYTES, enforced by the parser while streaming) because it is hashed and inspected.
 */
export async function readAssetUpload(req: FastifyRequest): Promise<{ kind: BrandingAssetKind; bytes: Buffer }> {
  if (!req.isMultipart?.()) throw badRequest('not_multipart', 'Send the file as multipart/form-data with the fields kind and file.', { file: 'is required' });
  let kindRaw: unknown;
  let bytes: Buffer | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          await part.toBuffer();
          continue;
        }
        bytes = await part.toBuffer();
      } else if (part.fieldname === 'kind') kindRaw = part.value;
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw badRequest('file_too_large', `The file is larger than ${MAX_UPLOAD_BYTES / 1024} KB.`, { file: `must be at most ${MAX_UPLOAD_BYTES / 1024} KB` });
    // Fastify's own codes, and busboy's plain errors for a body it cannot parse (no boundary, cut
    // short): nothing else runs in this loop, so any other failure is the body's, not ours.
    throw badRequest('not_multipart', `The multipart body could not be read: ${(error as Error)?.message ?? String(error)}`, { file: 'could not be read' });
  }
  const kind = brandingAssetKindSchema.safeParse(kindRaw);
  const fields: Record<string, string> = {};
  if (!kind.success) fields.kind = kindRaw === undefined ? 'is required' : 'must be logo, reportLogo or favicon';
  if (!bytes) fields.file = 'is required';
  if (Object.keys(fields).length) throw validationFailed(fields);
  return { kind: kind.data!, bytes: bytes! };
}
