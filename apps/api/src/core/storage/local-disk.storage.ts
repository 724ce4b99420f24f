import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertStorageKey, type ObjectStorage, type StoredObject, type StoredObjectMeta } from './storage.types.js';

/**
 * Files under a root folder (DATA_DIR): `<root>/<key>` plus `<key>.meta.json` with its content type
 * and cache header. Branding's keys keep the layout it always had (`branding/<tenant>/<file>`), so
 * files written before this driver existed are still found (their type then comes from the caller).
 */
export class LocalDiskStorage implements ObjectStorage {
  readonly driver = 'local' as const;

  constructor(private readonly root: string) {}

  private path(key: string): string {
    assertStorageKey(key);
    return join(this.root, ...key.split('/'));
  }

  /** A temp file + rename never leaves half an object for a reader. */
  async put(key: string, bytes: Buffer, meta: StoredObjectMeta): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(`${tmp}.meta`, JSON.stringify(meta));
    await rename(`${tmp}.meta`, `${path}.meta.json`);
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.path(key);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let meta: StoredObjectMeta = { contentType: 'application/octet-stream' };
    try {
      meta = JSON.parse(await readFile(`${path}.meta.json`, 'utf8')) as StoredObjectMeta;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return { bytes, ...meta };
  }

  async delete(key: string): Promise<void> {
    const path = this.path(key);
    await rm(path, { force: true });
    await rm(`${path}.meta.json`, { force: true });
  }
}
