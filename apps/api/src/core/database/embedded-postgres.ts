import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Connections the embedded server accepts; the pool must not exceed it (they share one session). */
export const EMBEDDED_MAX_CONNECTIONS = 8;
/** The pool of the process that owns the server; a guest CLI process gets the rest. */
export const EMBEDDED_OWNER_POOL = 5;

export interface EmbeddedPostgres {
  url: string;
  /** False when this process connected to the server another process (npm start) already runs. */
  owned: boolean;
  stop(): Promise<void>;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * The embedded default: PGlite (PostgreSQL compiled to WASM) in this process, data kept in
 * `<dataDir>/pglite`, exposed on a loopback socket so the same `pg` driver and SQL run on it.
 * PGlite's folder is single-process, so a second process (`npm run admin:create` while
 * `npm start` runs) connects to the running server instead of opening the folder again.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = join(dataDir, 'pglite');
  const marker = join(dataDir, 'pglite-server.json');
  if (existsSync(marker)) {
    const running = JSON.parse(readFileSync(marker, 'utf8')) as { pid: number; url: string };
    if (running.pid !== process.pid && isAlive(running.pid)) return { url: running.url, owned: false, stop: async () => {} };
  }
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: EMBEDDED_MAX_CONNECTIONS });
  await server.start();
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres`;
  writeFileSync(marker, JSON.stringify({ pid: process.pid, url }));
  return {
    url,
    owned: true,
    async stop() {
      rmSync(marker, { force: true });
      await server.stop();
      await db.close();
    },
  };
}
