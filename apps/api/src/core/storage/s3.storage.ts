import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { assertStorageKey, type ObjectStorage, type StoredObject, type StoredObjectMeta } from './storage.types.js';

export interface S3StorageConfig {
  bucket: string;
  /** A non-AWS endpoint (MinIO, R2, …); unset = AWS for the region. */
  endpoint?: string;
  region: string;
  /** Both or neither; neither = the SDK's default credential chain (instance role, env, …). */
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/** An S3-compatible bucket through the official AWS SDK (SigV4-signed REST calls). */
export class S3Storage implements ObjectStorage {
  readonly driver = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly config: S3StorageConfig) {
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      ...(config.accessKeyId && config.secretAccessKey ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } } : {}),
      // Transient 5xx / throttling are retried by the SDK with backoff.
      maxAttempts: 3,
    });
  }

  async put(key: string, bytes: Buffer, meta: StoredObjectMeta): Promise<void> {
    assertStorageKey(key);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: bytes, ContentType: meta.contentType, ContentLength: bytes.length, ...(meta.cacheControl ? { CacheControl: meta.cacheControl } : {}) }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    assertStorageKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
      const bytes = Buffer.from(await out.Body!.transformToByteArray());
      return { bytes, contentType: out.ContentType ?? 'application/octet-stream', ...(out.CacheControl ? { cacheControl: out.CacheControl } : {}) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
    } catch (error) {
      // S3 answers 204 for a missing key; some compatible stores answer NoSuchKey instead.
      if (!isMissing(error)) throw error;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** Only a missing KEY is "not found": a missing bucket (also a 404) is a misconfiguration and must surface. */
function isMissing(error: unknown): boolean {
  return error instanceof NoSuchKey || (error instanceof S3ServiceException && error.name === 'NoSuchKey');
}
