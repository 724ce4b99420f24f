import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, workspaceUrl } from './core/config/config.js';
import { createHttpApp, migrateOnBoot, openDatabase } from './bootstrap.js';
import { manifestExists, seedFromManifest } from './workspaces/demo-seed.js';
import { applyManifest, manifestFiles } from './workspaces/manifest-apply.js';

const logger = new Logger('Boot');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  for (const w of config.warnings) logger.warn(w);
  const db = await openDatabase(config);
  logger.log(db.embedded ? `Database: embedded PGlite in ${config.dataDir}/pglite` : 'Database: PostgreSQL (DATABASE_URL)');
  logger.log(config.redisUrl ? 'Jobs: BullMQ on Redis (REDIS_URL)' : 'Jobs: in-process queue (set REDIS_URL for BullMQ)');
  await migrateOnBoot(db, config);
  const app = await createHttpApp(config, db);

  const manifest = resolve(dirname(fileURLToPath(import.meta.url)), '../../../tenants/demo/tenant.json');
  let demoLogin: string | undefined;
  if (config.seedDemo && manifestExists(manifest)) {
    if (config.env === 'production') logger.warn('Not seeding the demo workspace in production.');
    else {
      const { manifest: m } = await seedFromManifest(app, manifest, { trial: true });
      demoLogin = `${workspaceUrl(config, m.slug)}  (log in as ${m.users[0].email} / ${m.users[0].password})`;
      // The other example tenants (tenants/*/tenant.json): created once, never overwritten here.
      for (const file of manifestFiles(dirname(dirname(manifest)))) {
        const result = await applyManifest(app, file, { createOnly: true });
        if (result.created) logger.log(`Seeded ${workspaceUrl(config, result.slug)} from ${file}`);
      }
    }
  }
  await app.listen({ port: config.port, host: config.host });
  logger.log(`InstaGrowth OS is listening on ${config.appUrl.toString().replace(/\/$/, '')}`);
  logger.log(`Admin console: ${workspaceUrl(config, 'admin')}  (create an admin with: npm run admin:create -- --email you@example.com)`);
  if (demoLogin) logger.log(`Demo workspace: ${demoLogin}`);

  const shutdown = async () => {
    // A connection that never ends (a stuck client, a socket mid-handshake) must not keep a stopped
    // server alive past what process managers wait before SIGKILL.
    setTimeout(() => {
      logger.warn('Shutdown did not finish within 10 s; exiting anyway');
      process.exit(1);
    }, 10_000).unref();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
