import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small S3-compatible server for tests, speaking the S3 REST wire format path-style
 * (`/<bucket>/<key>`): PUT, GET, HEAD and DELETE of objects, XML error bodies (NoSuchKey,
 * NoSuchBucket, AccessDenied, InvalidAccessKeyId, SignatureDoesNotMatch) and a check that every
 * request carries an AWS Signature V4 `Authorization` header made with the configured access key
 * id. It does not recompute the signature (that is the SDK's job, tested by AWS); it does decode
 * `aws-chunked` bodies, which the SDK sends when it streams a payload with a trailing checksum.
 */
export interface FakeS3Object {
  bytes: Buffer;
  contentType: string;
  cacheControl?: string;
  etag: string;
  lastModified: Date;
}

export interface FakeS3Request {
  method: string;
  bucket: string;
  key: string;
  accessKeyId: string | null;
}

export interface FakeS3 {
  /** The endpoint to give the SDK (`S3_ENDPOINT`). */
  url: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, FakeS3Object>;
  requests: FakeS3Request[];
  close(): Promise<void>;
}

const SIGV4 = /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/s3\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

function xmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

function sendError(res: ServerResponse, method: string, status: number, code: string, message: string, resource: string): void {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  res.setHeader('x-amz-request-id', requestId);
  // HEAD answers carry no body; the SDK then names the error by status (NotFound, Forbidden).
  if (method === 'HEAD') {
    res.writeHead(status).end();
    return;
  }
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><Resource>${xmlEscape(resource)}</Resource><RequestId>${requestId}</RequestId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) }).end(body);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n` … `0\r\n<trailers>\r\n\r\n` → the bytes. */
function decodeAwsChunked(raw: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) throw new Error('bad aws-chunked body');
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1').split(';')[0]!, 16);
    if (!Number.isFinite(size)) throw new Error('bad aws-chunked size');
    if (size === 0) return Buffer.concat(out);
    out.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

export async function startFakeS3(options: { bucket?: string; accessKeyId?: string; secretAccessKey?: string } = {}): Promise<FakeS3> {
  const bucket = options.bucket ?? 'test-assets';
  const accessKeyId = options.accessKeyId ?? 'AKIAFAKES3TESTKEY000';
  const secretAccessKey = options.secretAccessKey ?? 'fake-s3-secret-access-key-for-tests-only';
  const objects = new Map<string, FakeS3Object>();
  const requests: FakeS3Request[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://fake-s3');
    const [, bucketName = '', ...rest] = url.pathname.split('/');
    const key = rest.map((p) => decodeURIComponent(p)).join('/');
    const body = await readBody(req);
    const auth = SIGV4.exec(String(req.headers.authorization ?? ''));
    requests.push({ method, bucket: bucketName, key, accessKeyId: auth?.[1] ?? null });

    if (!auth || !req.headers['x-amz-date'] || !req.headers['x-amz-content-sha256']) {
      return sendError(res, method, 403, 'AccessDenied', 'Access Denied: an AWS Signature Version 4 Authorization header is required.', url.pathname);
    }
    if (auth[1] !== accessKeyId) return sendError(res, method, 403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', url.pathname);
    if (!auth[4]!.split(';').includes('host') || !auth[4]!.split(';').includes('x-amz-date')) {
      return sendError(res, method, 403, 'SignatureDoesNotMatch', 'The signed headers must include host and x-amz-date.', url.pathname);
    }
    if (bucketName !== bucket) return sendError(res, method, 404, 'NoSuchBucket', 'The specified bucket does not exist', `/${bucketName}`);
    if (!key) return sendError(res, method, 400, 'InvalidRequest', 'This fake serves objects only (path-style /bucket/key).', url.pathname);

    switch (method) {
      case 'PUT': {
        const chunked = String(req.headers['content-encoding'] ?? '').includes('aws-chunked') || String(req.headers['x-amz-content-sha256']).startsWith('STREAMING-');
        const bytes = chunked ? decodeAwsChunked(body) : body;
        const declared = req.headers['x-amz-decoded-content-length'];
        if (declared !== undefined && Number(declared) !== bytes.length) return sendError(res, method, 400, 'IncompleteBody', 'The request body is shorter than x-amz-decoded-content-length.', url.pathname);
        const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
        objects.set(key, {
          bytes,
          contentType: String(req.headers['content-type'] ?? 'binary/octet-stream'),
          ...(req.headers['cache-control'] ? { cacheControl: String(req.headers['cache-control']) } : {}),
          etag,
          lastModified: new Date(),
        });
        res.writeHead(200, { etag, 'content-length': 0 }).end();
        return;
      }
      case 'GET':
      case 'HEAD': {
        const object = objects.get(key);
        if (!object) return sendError(res, method, 404, 'NoSuchKey', 'The specified key does not exist.', `/${bucket}/${key}`);
        res.writeHead(200, {
          'content-type': object.contentType,
          'content-length': object.bytes.length,
          etag: object.etag,
          'last-modified': object.lastModified.toUTCString(),
          ...(object.cacheControl ? { 'cache-control': object.cacheControl } : {}),
        });
        res.end(method === 'GET' ? object.bytes : undefined);
        return;
      }
      case 'DELETE':
        // S3 answers 204 whether or not the key existed.
        objects.delete(key);
        res.writeHead(204).end();
        return;
      default:
        return sendError(res, method, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', url.pathname);
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, req.method ?? 'GET', 500, 'InternalError', error instanceof Error ? error.message : String(error), req.url ?? '/');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId,
    secretAccessKey,
    objects,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
