import { adminQuery } from './services.mjs';

export default async function globalTeardown() {
  const template = process.env.IG_TEMPLATE_DB;
  if (template) await adminQuery(`drop database if exists ${template} with (force)`);
}
