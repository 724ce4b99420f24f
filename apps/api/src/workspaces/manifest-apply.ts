import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { z } from 'zod';
import { emailSchema, hexColorSchema, hostnameSchema, roleSchema, slugFormatSchema } from '@instagrowth/contracts';
import { TenantsRepository } from '../control/tenants.repository.js';
import type { Tenant } from '../control/control.entity.js';
import { AuthRepository } from '../auth/auth.repository.js';
import { UserEntity } from '../auth/auth.entity.js';
import { hashPassword } from '../core/crypto/passwords.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { TenantResolver } from '../core/tenancy/tenant-resolver.service.js';
import { assetUrl, type StoredBranding } from '../branding/branding.entity.js';
import { BrandingRepository } from '../branding/branding.repository.js';
import { checkImage } from '../branding/image-check.js';
import { DomainsRepository } from '../domains/domains.repository.js';
import { ClientsRepository } from '../clients/clients.repository.js';
import { seedFromManifest } from './demo-seed.js';
import { randomBytes } from 'node:crypto';

/** The declarative part `tenants:apply` keeps in line (the seed data is only used on creation). */
const applySchema = z.object({
  // Manifests are the operator's own: reserved names (the seeded demo) are allowed here, not at sign-up.
  slug: slugFormatSchema,
  name: z.string().min(2),
  plan: z.string().regex(/^[a-z0-9_-]+$/).optional(),
  branding: z
    .object({
      displayName: z.string().min(2).max(80),
      primaryColor: hexColorSchema,
      accentColor: hexColorSchema,
      logo: z.string(),
      reportLogo: z.string(),
      favicon: z.string(),
      emailSenderName: z.string().max(80),
      emailReplyTo: emailSchema,
      reportFooter: z.string().max(300),
      showPoweredBy: z.boolean(),
      logoUrl: z.null(),
    })
    .partial()
    .optional(),
  domains: z.array(hostnameSchema).optional(),
  users: z.array(z.object({ email: emailSchema, name: z.string().min(1), role: roleSchema, password: z.string().min(10) })).min(1),
  manualAccounts: z.array(z.object({ username: z.string() }).passthrough()).optional(),
  clients: z
    .array(z.object({ name: z.string().min(1).max(120), contacts: z.array(z.object({ name: z.string(), email: emailSchema.optional() })).default([]), accounts: z.array(z.string()).default([]), users: z.array(emailSchema).default([]) }))
    .optional(),
});
type ApplyManifest = z.infer<typeof applySchema>;

export interface ApplyResult {
  slug: string;
  created: boolean;
  changes: string[];
}

export function manifestFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'tenant.json')))
    .map((d) => join(dir, d.name, 'tenant.json'))
    .sort();
}

export function readApplyManifest(file: string): ApplyManifest {
  const parsed = applySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid tenant manifest ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * Brings one workspace in line with its manifest: creates it (with its seed data) when missing,
 * then name, plan, branding (assets read from the manifest's folder, never fetched), domains,
 * users (added, role kept in line; passwords are only set on creation) and clients. Prints and
 * returns what changed; a second run changes nothing. `dryRun` only reports.
 */
export async function applyManifest(app: INestApplicationContext, file: string, options: { dryRun?: boolean; createOnly?: boolean } = {}): Promise<ApplyResult> {
  const m = readApplyManifest(file);
  const dir = dirname(resolve(file));
  const tenants = app.get(TenantsRepository);
  const changes: string[] = [];
  let tenant = await tenants.findBySlug(m.slug);
  const created = !tenant;
  if (!tenant) {
    changes.push(`create workspace ${m.slug} with ${m.users.length} user(s) and ${m.manualAccounts?.length ?? 0} demo account(s)`);
    if (options.dryRun) return { slug: m.slug, created: true, changes: [...changes, 'then apply name, plan, branding, domains and clients'] };
    await seedFromManifest(app, file);
    tenant = (await tenants.findBySlug(m.slug))!;
  } else if (options.createOnly) {
    return { slug: m.slug, created: false, changes: [] };
  }
  const run = async (what: string, fn: () => Promise<unknown>) => {
    changes.push(what);
    if (!options.dryRun) await fn();
  };
  const t: Tenant = tenant;

  if (t.name !== m.name) await run(`name: ${t.name} → ${m.name}`, () => tenants.setName(t.id, m.name));
  if (m.plan && t.planCode !== m.plan) await run(`plan: ${t.planCode} → ${m.plan}`, () => tenants.setPlanCode(t.id, m.plan!));

  if (m.branding) {
    const brandingRepo = app.get(BrandingRepository);
    const current = (await brandingRepo.find(t.id))!.branding as StoredBranding;
    const next: StoredBranding = { ...current };
    const files: { file: string; bytes: Buffer }[] = [];
    const b = m.branding;
    for (const key of ['displayName', 'primaryColor', 'accentColor', 'emailSenderName', 'emailReplyTo', 'reportFooter', 'showPoweredBy'] as const) {
      if (b[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = b[key];
    }
    for (const kind of ['logo', 'reportLogo', 'favicon'] as const) {
      const path = b[kind];
      if (!path) continue;
      const image = checkImage(kind, readFileSync(resolve(dir, path)));
      const name = `${image.hash}.${image.ext}`;
      next[kind] = name;
      files.push({ file: name, bytes: image.bytes });
    }
    next.logoUrl = assetUrl(next.logo) ?? current.logoUrl ?? null;
    const diff = Object.keys({ ...current, ...next }).filter((k) => JSON.stringify((current as unknown as Record<string, unknown>)[k]) !== JSON.stringify((next as unknown as Record<string, unknown>)[k]));
    if (diff.length) {
      await run(`branding: ${diff.join(', ')}`, async () => {
        for (const f of files) await brandingRepo.putAsset(t.id, f.file, f.bytes);
        await brandingRepo.save(t.id, next);
      });
    }
  }

  const domains = app.get(DomainsRepository);
  for (const hostname of m.domains ?? []) {
    const existing = await domains.findByHostname(hostname);
    if (existing && existing.tenantId !== t.id) throw new Error(`${m.slug}: domain ${hostname} belongs to another workspace`);
    if (!existing) await run(`domain: add ${hostname} (pending until DNS verifies)`, () => domains.insert(t.id, hostname, randomBytes(16).toString('hex')));
  }

  await app.get(TenantContext).run(t, async () => {
    const users = app.get(AuthRepository, { strict: false });
    for (const u of m.users) {
      const existing = await users.findUserByEmail(u.email);
      if (!existing) {
        await run(`user: add ${u.email} (${u.role})`, async () => users.createUser({ email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password), emailVerified: true }));
      } else if (existing.role !== u.role) {
        await run(`user: ${u.email} role ${existing.role} → ${u.role}`, () => app.get(TenantContext).em.nativeUpdate(UserEntity, { id: existing.id }, { role: u.role }));
      }
    }
    if (m.clients?.length) {
      const clients = app.get(ClientsRepository, { strict: false });
      for (const c of m.clients) {
        let client = await clients.findByName(c.name);
        if (!client) {
          if (options.dryRun) {
            changes.push(`client: add ${c.name}`);
            continue;
          }
          await run(`client: add ${c.name}`, async () => (client = await clients.insert(c.name, c.contacts)));
        } else if (JSON.stringify(client.contacts) !== JSON.stringify(c.contacts)) {
          const id = client.id;
          await run(`client: ${c.name} contacts`, () => clients.update(id, c.name, c.contacts));
        }
        const id = client!.id;
        const wantAccounts = await clients.accountIdsByUsername(c.accounts);
        if (JSON.stringify(await clients.accountIds(id)) !== JSON.stringify(wantAccounts)) await run(`client: ${c.name} accounts → ${c.accounts.join(', ') || 'none'}`, () => clients.replaceAccounts(id, wantAccounts));
        const wantUsers: string[] = [];
        for (const email of c.users) {
          const u = await users.findUserByEmail(email);
          if (u) wantUsers.push(u.id);
        }
        const haveUsers = (await clients.members(id)).map((x) => x.id).sort();
        if (JSON.stringify(haveUsers) !== JSON.stringify(wantUsers.sort())) await run(`client: ${c.name} users → ${c.users.join(', ') || 'none'}`, () => clients.replaceMembers(id, wantUsers));
        if (!options.dryRun) await clients.syncAssignments([...new Set([...haveUsers, ...wantUsers])]);
      }
    }
  });
  if (changes.length && !options.dryRun) await app.get(TenantResolver).invalidate();
  return { slug: m.slug, created, changes };
}
