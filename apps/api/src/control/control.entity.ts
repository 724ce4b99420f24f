import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The registry in the `control` schema: everything that is about tenants rather than inside one.
 * Tenant entities never reference these by foreign key; they keep plain id columns.
 */
export const TenantEntity = defineEntity({
  name: 'Tenant',
  tableName: 'tenants',
  schema: 'control',
  properties: {
    id: p.integer().primary().autoincrement(),
    slug: p.string().unique(),
    name: p.string(),
    schemaName: p.string().unique(),
    status: p.enum(['provisioning', 'active', 'suspended'] as const),
    schemaVersion: p.integer().default(0),
    dbCluster: p.string().default('main'),
    planCode: p.string().default('trial'),
    trialEndsAt: p.datetime().nullable(),
    branding: p.json<{ primaryColor: string; accentColor: string; logoUrl: string | null }>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type Tenant = InferEntity<typeof TenantEntity>;

export const DomainEntity = defineEntity({
  name: 'Domain',
  tableName: 'domains',
  schema: 'control',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.integer().index(),
    hostname: p.string().unique(),
    verificationToken: p.string(),
    verifiedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Domain = InferEntity<typeof DomainEntity>;

export const PlatformAdminEntity = defineEntity({
  name: 'PlatformAdmin',
  tableName: 'platform_admins',
  schema: 'control',
  properties: {
    id: p.uuid().primary(),
    email: p.string().unique(),
    passwordHash: p.string(),
    totpSecretEnc: p.text(),
    totpLastStep: p.bigint('number').nullable(),
    lastLoginAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type PlatformAdmin = InferEntity<typeof PlatformAdminEntity>;

export const SystemSettingEntity = defineEntity({
  name: 'SystemSetting',
  tableName: 'system_settings',
  schema: 'control',
  properties: {
    key: p.string().primary(),
    valueEnc: p.text(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type SystemSetting = InferEntity<typeof SystemSettingEntity>;

export const PlatformAuditLogEntity = defineEntity({
  name: 'PlatformAuditLog',
  tableName: 'platform_audit_log',
  schema: 'control',
  properties: {
    id: p.uuid().primary(),
    actorType: p.string(),
    actorId: p.string().nullable(),
    action: p.string(),
    tenantId: p.integer().nullable(),
    targetId: p.string().nullable(),
    meta: p.json<Record<string, unknown>>().nullable(),
    ip: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type PlatformAuditLog = InferEntity<typeof PlatformAuditLogEntity>;

export const MailOutboxEntity = defineEntity({
  name: 'MailOutbox',
  tableName: 'mail_outbox',
  schema: 'control',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.integer().nullable(),
    to: p.string(),
    subject: p.string(),
    template: p.string(),
    html: p.text(),
    text: p.text(),
    status: p.string().default('stored'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type MailOutbox = InferEntity<typeof MailOutboxEntity>;

export const CONTROL_ENTITIES = [
  TenantEntity,
  DomainEntity,
  PlatformAdminEntity,
  SystemSettingEntity,
  PlatformAuditLogEntity,
  MailOutboxEntity,
];
