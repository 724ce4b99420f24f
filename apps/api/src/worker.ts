import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { loadConfig } from './core/config/config.js';
import { logLevels, migrateOnBoot, openDatabase } from './bootstrap.js';

/** The worker entry point: same modules and processors as the API, no HTTP. Needs REDIS_URL. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.redisUrl) {
    console.error('The worker needs REDIS_URL: without it the API runs jobs in its own process.');
    process.exit(1);
  }
  const db = await openDatabase(config);
  await migrateOnBoot(db, config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, orm: db.orm, runWorkers: true, http: false }), { logger: logLevels(config.logLevel) });
  app.enableShutdownHooks();
  new Logger('Worker').log('Worker started: processing sync, ai, pdf, mail, publish and billing queues');
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
