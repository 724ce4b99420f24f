import { dropDatabaseWhenIdle } from './services.mjs';

export default async function globalTeardown() {
  const template = process.env.IG_TEMPLATE_DB;
  if (template) await dropDatabaseWhenIdle(template);
}
