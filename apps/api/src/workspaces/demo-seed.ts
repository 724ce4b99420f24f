import { readFileSync, existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import { z } from 'zod';
import { emailSchema, roleSchema, slugFormatSchema } from '@instagrowth/contracts';
import { TenantProvisioner } from '../control/tenant-provisioner.service.js';
import { TenantsRepository } from '../control/tenants.repository.js';
import { AuthRepository } from '../auth/auth.repository.js';
import { hashPassword } from '../core/crypto/passwords.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { seedDemoContent } from '../planner/demo-content.js';
import { PlansService } from '../plans/plans.service.js';
import { seedDemoApproval } from '../approvals/demo-approval.js';
import { SyncRepository } from '../sync/sync.repository.js';
import { InstagramDataRepository } from '../instagram-data/instagram-data.repository.js';
import { demoHistory } from './demo-data.js';
import { AuditsService } from '../audits/audits.service.js';

const manifestSchema = z.object({
  slug: slugFormatSchema,
  name: z.string().min(2),
  /** A plan key (starter, pro, agency, enterprise): the new workspace starts a trial of it. */
  plan: z.string().regex(/^[a-z0-9_-]+$/).optional(),
  branding: z.object({ primaryColor: z.string(), accentColor: z.string(), logoUrl: z.string().nullable() }).partial().optional(),
  users: z.array(z.object({ email: emailSchema, name: z.string().min(1), role: roleSchema, password: z.string().min(10) })).min(1),
  manualAccounts: z
    .array(z.object({ username: z.string().min(1), name: z.string(), followers: z.number().int().min(0), days: z.number().int().min(1).max(400), posts: z.number().int().min(0).max(500) }))
    .optional(),
});
export type TenantManifest = z.infer<typeof manifestSchema>;

export function readManifest(file: string): TenantManifest {
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid tenant manifest ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Creates the manifest's workspace and users if the slug is free; never touches an existing one. */
export async function seedFromManifest(app: INestApplicationContext, file: string, options: { trial?: boolean } = {}): Promise<{ created: boolean; manifest: TenantManifest }> {
  const manifest = readManifest(file);
  if (await app.get(TenantsRepository).findBySlug(manifest.slug)) return { created: false, manifest };
  const tenant = await app.get(TenantProvisioner).provision({ slug: manifest.slug, name: manifest.name, branding: manifest.branding });
  // The demo (options.trial) starts as a sign-up does, with a trial of its plan, so its billing page and
  // limits are a real plan's; tenants:apply assigns a manifest's plan outright instead (manifest-apply.ts).
  if (manifest.plan && options.trial) await app.get(PlansService, { strict: false }).startTrial(tenant.id, manifest.plan, tenant.trialEndsAt ?? null);
  const users = app.get(AuthRepository, { strict: false });
  await app.get(TenantContext).run(tenant, async () => {
    const created = [];
    for (const u of manifest.users) {
      created.push(await users.createUser({ email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password), emailVerified: true }));
    }
    const accounts = app.get(AccountsRepository, { strict: false });
    const history = app.get(InstagramDataRepository, { strict: false });
    for (const spec of manifest.manualAccounts ?? []) {
      const account = await accounts.insert({ kind: 'manual', status: 'manual', username: spec.username, name: spec.name, followersCount: spec.followers, mediaCount: spec.posts });
      const data = demoHistory(account.id, spec);
      await history.upsertAccountMetrics(account.id, 'manual', data.metrics);
      await history.upsertMedia(data.media);
      await history.upsertMediaInsights(data.insights);
      // Managers and clients of the demo see the first account, so every role has something to look at.
      if (spec === manifest.manualAccounts?.[0]) {
        for (const u of created.filter((x) => x.role === 'manager' || x.role === 'client')) await accounts.assign(u.id, account.id);
        await seedDemoContent(app, account.id, created.find((x) => x.role === 'owner')?.id ?? null);
        await seedDemoApproval(app, account.id, created.find((x) => x.role === 'manager'));
      }
      // One finished audit per demo account (offline writer, same engine), so the first login shows one.
      await app.get(AuditsService, { strict: false }).runOffline(account.id);
    }
  });
  new Logger('Seed').log(`Seeded workspace "${manifest.name}" (${manifest.slug}) with ${manifest.users.length} users`);
  return { created: true, manifest };
}

export const manifestExists = (file: string) => existsSync(file);
