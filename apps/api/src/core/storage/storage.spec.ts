import { loadConfig } from '../config/config.js';
import { LocalDiskStorage } from './local-disk.storage.js';
import { S3Storage } from './s3.storage.js';
import { createObjectStorage } from './storage.module.js';
import { assertStorageKey } from './storage.types.js';

const base = { APP_SECRET: 'x'.repeat(64), SETTINGS_ENCRYPTION_KEY: 'a'.repeat(64), DATA_DIR: '/tmp/ig-storage-spec' };

describe('object storage configuration', () => {
  it('uses the local disk unless S3_BUCKET is set', () => {
    const config = loadConfig(base);
    expect(config.s3).toBeNull();
    expect(createObjectStorage(config)).toBeInstanceOf(LocalDiskStorage);
  });

  it('reads the S3 variables; path-style by default only with a custom endpoint', () => {
    const minio = loadConfig({ ...base, S3_BUCKET: 'assets', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'AK', S3_SECRET_ACCESS_KEY: 'SK' });
    expect(minio.s3).toEqual({ bucket: 'assets', endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', accessKeyId: 'AK', secretAccessKey: 'SK', forcePathStyle: true });
    const storage = createObjectStorage(minio);
    expect(storage).toBeInstanceOf(S3Storage);
    (storage as S3Storage).destroy();
    expect(loadConfig({ ...base, S3_BUCKET: 'assets', S3_REGION: 'eu-west-1' }).s3).toMatchObject({ region: 'eu-west-1', forcePathStyle: false });
    expect(loadConfig({ ...base, S3_BUCKET: 'assets', S3_ENDPOINT: 'http://x:9000', S3_FORCE_PATH_STYLE: 'false' }).s3?.forcePathStyle).toBe(false);
  });

  it('refuses half a key pair, a bad bucket name and a non-http endpoint, naming each variable', () => {
    expect(() => loadConfig({ ...base, S3_BUCKET: 'assets', S3_ACCESS_KEY_ID: 'AK' })).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither/);
    expect(() => loadConfig({ ...base, S3_BUCKET: 'Bad_Bucket' })).toThrow(/S3_BUCKET: must be an S3 bucket name/);
    expect(() => loadConfig({ ...base, S3_BUCKET: 'assets', S3_ENDPOINT: 'ftp://x' })).toThrow(/S3_ENDPOINT/);
  });

  it('accepts only plain relative keys', () => {
    expect(() => assertStorageKey('branding/1/0123456789abcdef0123.png')).not.toThrow();
    for (const bad of ['', '/a', 'a/', '../a', 'a/../b', 'a/./b', '.a', 'a\\b', 'a/b c', 'x.meta.json']) expect(() => assertStorageKey(bad)).toThrow('Invalid storage key');
  });
});
