import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../core/config/config.js';
import { migrateOnBoot, openDatabase } from '../bootstrap.js';
import { applyManifest, manifestFiles } from '../workspaces/manifest-apply.js';
import { cliArgs } from './args.js';

const USAGE = `Usage: npm run tenants:apply -- [--dir <folder>] [--only <slug>] [--dry-run]

Creates or updates every workspace described by <folder>/*/tenant.json (default: tenants/):
name, plan, branding (assets read from the manifest's folder), domains, users and clients.
Prints what changed; running it again changes nothing. --dry-run prints without changing.`;

async function main(): Promise<void> {
  const args = cliArgs({ dir: { type: 'string' }, only: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } }, USAGE);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const dir = resolve((args.dir as string | undefined) ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../tenants'));
  const config = loadConfig();
  const db = await openDatabase(config);
  await migrateOnBoot(db, config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, orm: db.orm, runWorkers: false, http: false }), { logger: ['error', 'warn'] });
  let failed = 0;
  try {
    for (const file of manifestFiles(dir)) {
      if (args.only && (JSON.parse(readFileSync(file, 'utf8')) as { slug?: string }).slug !== args.only) continue;
      try {
        const result = await applyManifest(app, file, { dryRun: Boolean(args['dry-run']) });
        console.log(`${result.slug}: ${result.changes.length ? '' : 'up to date'}`);
        for (const c of result.changes) console.log(`  ${args['dry-run'] ? 'would ' : ''}${c}`);
      } catch (error) {
        failed++;
        console.error(`${file}: ${(error as Error).message}`);
      }
    }
  } finally {
    await app.close();
    await db.close();
  }
  if (failed) process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
