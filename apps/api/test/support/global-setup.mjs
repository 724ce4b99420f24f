// Migrates control and two tenants (acme, globex) once into a template database; every test file
// copies it with CREATE DATABASE … TEMPLATE, so each starts clean in milliseconds. Jest loads global
// setup outside its ESM module system, so this file is plain ESM over the compiled API (apps/api/dist,
// built by `npm test` first).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ADMIN, adminQuery, assertServicesUp, databaseUrl, TEST_SECRETS } from './services.mjs';

const dist = new URL('../../dist/', import.meta.url);
const load = (p) => import(new URL(p, dist).href);

export default async function globalSetup() {
  await assertServicesUp();
  const [{ AdminPanelService }, { AppModule }, { loadConfig }, { migrateOnBoot, openDatabase }, { seedFromManifest }] = await Promise.all([
    load('admin-panel/admin-panel.service.js'),
    load('app.module.js'),
    load('core/config/config.js'),
    load('bootstrap.js'),
    load('workspaces/demo-seed.js'),
  ]);
  const template = `ig_tpl_${process.pid}`;
  await adminQuery(`drop database if exists ${template}`);
  await adminQuery(`create database ${template}`);
  const config = loadConfig({
    ...TEST_SECRETS,
    DATABASE_URL: databaseUrl(template),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ig-tpl-')),
    BASE_DOMAIN: 'instagrowth.test',
    LOG_LEVEL: 'error',
  });
  const db = await openDatabase(config);
  await migrateOnBoot(db, config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, orm: db.orm, runWorkers: false, http: false }), { logger: ['error'] });
  const fixtures = new URL('../fixtures/', import.meta.url).pathname;
  await seedFromManifest(app, join(fixtures, 'acme.json'));
  await seedFromManifest(app, join(fixtures, 'globex.json'));
  await app.get(AdminPanelService).createAdmin(ADMIN.email, ADMIN.password, ADMIN.totpSecret);
  await app.close();
  await db.close();
  process.env.IG_TEMPLATE_DB = template;
}
