import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BrandingService } from '../src/branding/branding.service.js';
import { TenantsRepository } from '../src/control/tenants.repository.js';
import { TenantContext } from '../src/core/tenancy/tenant-context.js';
import { LocalDiskStorage } from '../src/core/storage/local-disk.storage.js';
import { S3Storage } from '../src/core/storage/s3.storage.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../src/core/storage/storage.types.js';
import { startFakeS3, type FakeS3 } from './support/fake-s3.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" fill="#0f766e"/></svg>');

function multipart(kind: string, filename: string, bytes: Buffer) {
  const boundary = '----igstorage' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${filename}"\r\ncontent-type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The same contract, run against both drivers. */
async function roundTrip(storage: ObjectStorage): Promise<void> {
  const bytes = Buffer.from([0, 1, 2, 250, 255, ...Buffer.from('binary-safe')]);
  await storage.put('branding/7/abc.png', bytes, { contentType: 'image/png', cacheControl: 'public, max-age=60' });
  expect(await storage.get('branding/7/abc.png')).toEqual({ bytes, contentType: 'image/png', cacheControl: 'public, max-age=60' });
  // Replacing an object replaces bytes and type.
  await storage.put('branding/7/abc.png', Buffer.from('v2'), { contentType: 'text/plain' });
  expect(await storage.get('branding/7/abc.png')).toMatchObject({ bytes: Buffer.from('v2'), contentType: 'text/plain' });
  expect(await storage.get('branding/7/missing.png')).toBeNull();
  await storage.delete('branding/7/abc.png');
  expect(await storage.get('branding/7/abc.png')).toBeNull();
  // Deleting what is not there is fine.
  await storage.delete('branding/7/abc.png');
  for (const bad of ['../etc/passwd', 'branding/../../x', '/abs', 'a//b', '', 'x/.hidden', 'a/b.meta.json']) {
    await expect(storage.put(bad, Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow('Invalid storage key');
  }
}

describe('object storage', () => {
  let s3: FakeS3;
  beforeAll(async () => {
    s3 = await startFakeS3();
  });
  afterAll(async () => {
    await s3.close();
  });

  it('local disk: put/get/delete with content type and cache headers, no way out of its folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ig-storage-'));
    try {
      await roundTrip(new LocalDiskStorage(root));
      expect(readdirSync(join(root, 'branding', '7'))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('S3: the same contract over the S3 REST wire format, SigV4-signed with the configured key', async () => {
    const storage = new S3Storage({ bucket: s3.bucket, endpoint: s3.url, region: 'eu-west-1', accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true });
    try {
      s3.requests.length = 0;
      await roundTrip(storage);
      const methods = s3.requests.map((r) => r.method);
      expect(methods).toEqual(expect.arrayContaining(['PUT', 'GET', 'DELETE']));
      expect(s3.requests.every((r) => r.accessKeyId === s3.accessKeyId && r.bucket === s3.bucket)).toBe(true);
      expect(s3.objects.size).toBe(0);

      // HEAD over the same wire: present, then the 404 the SDK names NotFound.
      await storage.put('probe/head.txt', Buffer.from('hi'), { contentType: 'text/plain', cacheControl: 'no-cache' });
      const raw = new S3Client({ region: 'eu-west-1', endpoint: s3.url, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } });
      try {
        const head = await raw.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: 'probe/head.txt' }));
        expect({ type: head.ContentType, length: head.ContentLength, cache: head.CacheControl }).toEqual({ type: 'text/plain', length: 2, cache: 'no-cache' });
        await expect(raw.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: 'probe/none.txt' }))).rejects.toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
      } finally {
        raw.destroy();
      }
    } finally {
      storage.destroy();
    }
  });

  it('S3: a wrong access key or bucket is an error, never "not found"', async () => {
    const wrongKey = new S3Storage({ bucket: s3.bucket, endpoint: s3.url, region: 'us-east-1', accessKeyId: 'AKIAWRONGWRONGWRONG0', secretAccessKey: 'x'.repeat(40), forcePathStyle: true });
    const wrongBucket = new S3Storage({ bucket: 'no-such-bucket', endpoint: s3.url, region: 'us-east-1', accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true });
    try {
      await expect(wrongKey.put('a/b.txt', Buffer.from('x'), { contentType: 'text/plain' })).rejects.toMatchObject({ name: 'InvalidAccessKeyId', $metadata: { httpStatusCode: 403 } });
      await expect(wrongKey.get('a/b.txt')).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
      await expect(wrongBucket.get('a/b.txt')).rejects.toMatchObject({ name: 'NoSuchBucket' });
    } finally {
      wrongKey.destroy();
      wrongBucket.destroy();
    }
  });

  describe('branding assets with S3_BUCKET set', () => {
    let t: TestApp;
    let owner: string;
    beforeAll(async () => {
      t = await createTestApp({ S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.url, S3_REGION: 'eu-west-1', S3_ACCESS_KEY_ID: s3.accessKeyId, S3_SECRET_ACCESS_KEY: s3.secretAccessKey, S3_FORCE_PATH_STYLE: 'true' });
      owner = (await t.login('acme', 'owner@acme.test')).token;
    });
    afterAll(async () => {
      await t?.close();
    });

    it('stores uploads in the bucket and serves them from our route with the hash URL and long cache headers', async () => {
      expect(t.app.get<ObjectStorage>(OBJECT_STORAGE).driver).toBe('s3');
      const form = multipart('logo', 'logo.svg', SVG);
      const res = await t.app.getHttpAdapter().getInstance().inject({
        method: 'POST',
        url: '/api/branding/assets',
        headers: { host: host('acme'), authorization: `Bearer ${owner}`, 'content-type': form.contentType },
        payload: form.body,
      });
      expect(res.statusCode).toBe(201);
      const { url } = JSON.parse(res.body) as { url: string };
      const file = url.split('/').pop()!;
      expect(url).toMatch(/^\/api\/branding\/assets\/[0-9a-f]{20}\.svg$/);

      const tenantId = (await t.sql<{ id: number }>(`select id from control.tenants where slug = 'acme'`))[0].id;
      const stored = s3.objects.get(`branding/${tenantId}/${file}`);
      expect(stored).toMatchObject({ contentType: 'image/svg+xml', cacheControl: 'public, max-age=31536000, immutable' });
      // Nothing went to the local disk.
      expect(existsSync(join(t.config.dataDir, 'branding'))).toBe(false);

      const served = await t.request('GET', url, { host: host('acme') });
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('image/svg+xml');
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(String(served.body)).toContain('<svg');
      // Another workspace's key space does not have it.
      expect((await t.request('GET', url, { host: host('globex') })).status).toBe(404);
      // The PDF renderer reads the logo from the same storage (inlined, never fetched by URL).
      const tenant = (await t.app.get(TenantsRepository).findBySlug('acme'))!;
      const pdf = await t.app.get(TenantContext).run(tenant, () => t.app.get(BrandingService).forPdf(tenant));
      expect(pdf.logoDataUri).toBe(`data:image/svg+xml;base64,${stored!.bytes.toString('base64')}`);
    });
  });
});
