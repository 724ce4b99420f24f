import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { emailSchema, passwordSchema } from '@instagrowth/contracts';
import { AdminPanelService } from '../admin-panel/admin-panel.service.js';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../core/config/config.js';
import { DomainError } from '../core/errors/domain-error.js';
import { migrateOnBoot, openDatabase } from '../bootstrap.js';
import { cliArgs } from './args.js';

const USAGE = `Usage: npm run admin:create -- --email <address> [--password <password>]

Creates a platform super-admin and prints the TOTP secret to add to an authenticator app.
Without --password a strong one is generated and printed once. There is no default admin.`;

async function main(): Promise<void> {
  const args = cliArgs({ email: { type: 'string' }, password: { type: 'string' }, help: { type: 'boolean' } }, USAGE);
  if (args.help) return void console.log(USAGE);
  const email = emailSchema.safeParse(args.email ?? '');
  if (!email.success) {
    console.error(`--email ${email.error.issues[0].message}\n\n${USAGE}`);
    process.exit(2);
  }
  const password = args.password ?? randomBytes(18).toString('base64url');
  const pw = passwordSchema.safeParse(password);
  if (!pw.success) {
    console.error(`--password ${pw.error.issues[0].message}`);
    process.exit(2);
  }
  const config = loadConfig();
  const db = await openDatabase(config);
  await migrateOnBoot(db, config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, orm: db.orm, runWorkers: false, http: false }), { logger: ['error'] });
  try {
    const created = await app.get(AdminPanelService).createAdmin(email.data, password);
    console.log(`Created super-admin ${email.data}`);
    if (!args.password) console.log(`Password (shown once): ${password}`);
    console.log(`TOTP secret: ${created.totpSecret}`);
    console.log(`otpauth URI: ${created.otpauthUri}`);
    console.log(`Sign in at ${config.appUrl.protocol}//admin.${config.appUrl.host}`);
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.message);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await app.close();
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
