import 'reflect-metadata';
import { loadConfig } from '../core/config/config.js';
import { MigrationRunner } from '../core/database/migration-runner.js';
import { openDatabase } from '../bootstrap.js';
import { cliArgs } from './args.js';

const USAGE = `Usage: npm run db:migrate -- [--tenant <id|slug>] [--start-from <id>] [--limit <n>] [--concurrency <n>] [--dry-run]

Migrates the control schema, then every tenant schema in id order. Each tenant is migrated in its
own transaction under an advisory lock, so runs started at once never apply a migration twice.
An interrupted run resumes with --start-from <the id it names>.`;

const positiveInt = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    console.error(`--${name} must be a whole number, got "${value}"\n\n${USAGE}`);
    process.exit(2);
  }
  return Number(value);
};

async function main(): Promise<void> {
  const args = cliArgs(
    {
      tenant: { type: 'string' },
      'start-from': { type: 'string' },
      limit: { type: 'string' },
      concurrency: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    USAGE,
  );
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const db = await openDatabase(config);
  const runner = new MigrationRunner(db.orm.em);
  const dryRun = Boolean(args['dry-run']);
  try {
    if (!dryRun) {
      const control = await runner.migrateControl();
      console.log(`control: ${control.length ? `applied ${control.join(', ')}` : 'up to date'}`);
    }
    const concurrency = db.embedded ? 1 : (positiveInt('concurrency', args.concurrency) ?? config.migrationConcurrency);
    const report = await runner.migrateAll({
      tenant: args.tenant,
      startFrom: positiveInt('start-from', args['start-from']),
      limit: positiveInt('limit', args.limit),
      dryRun,
      concurrency,
      onProgress: (e) => {
        if (e.kind === 'failed') console.log(`FAILED tenant ${e.tenantId} (${e.slug}): ${e.error}`);
        else if (dryRun) console.log(`tenant ${e.result.tenantId} (${e.result.slug}): ${e.result.pending.length ? `would apply ${e.result.pending.join(', ')}` : 'up to date'}`);
        else console.log(`tenant ${e.result.tenantId} (${e.result.slug}): ${e.result.applied.length ? `applied ${e.result.applied.join(', ')}` : 'up to date'} (version ${e.result.schemaVersion})`);
      },
    });
    console.log(
      `${dryRun ? 'dry run: ' : ''}${report.total} tenant(s): ${report.migrated.length} ${dryRun ? 'with pending migrations' : 'migrated'}, ${report.upToDate} up to date, ${report.failed.length} failed`,
    );
    if (report.failed.length) {
      console.log(`Resume with: npm run db:migrate -- --start-from ${report.resumeFrom}`);
      process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
