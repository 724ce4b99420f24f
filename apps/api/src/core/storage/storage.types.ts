/** What is stored with an object and answered when it is read back. */
export interface StoredObjectMeta {
  contentType: string;
  /** The Cache-Control an HTTP route serving the object should send. */
  cacheControl?: string;
}

export interface StoredObject extends StoredObjectMeta {
  bytes: Buffer;
}

/**
 * Object storage by key (`branding/<tenant id>/<hash>.png`): the local disk under DATA_DIR by
 * default, an S3-compatible bucket when S3_BUCKET is set. Keys are relative, `/`-separated, without
 * `.`/`..` segments (checked by every driver). Writing the same key twice replaces the object.
 */
export interface ObjectStorage {
  /** `local` or `s3`, for logs and the health of a deployment. */
  readonly driver: 'local' | 's3';
  put(key: string, bytes: Buffer, meta: StoredObjectMeta): Promise<void>;
  /** Null when there is no such object. */
  get(key: string): Promise<StoredObject | null>;
  /** Deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
}

export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** Throws on a key that could leave its folder or is not plain ASCII path segments. */
export function assertStorageKey(key: string): void {
  const parts = key.split('/');
  if (!key || key.length > 1000 || parts.some((p) => !SEGMENT.test(p) || p === '.' || p === '..' || p.endsWith('.meta.json'))) {
    throw new Error(`Invalid storage key: ${JSON.stringify(key.slice(0, 80))}`);
  }
}
