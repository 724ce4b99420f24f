import { z } from 'zod';
import { SYSTEM_SETTINGS, type SystemSettingKey } from './admin.js';
import { isoDateTimeSchema, listOf } from './common.responses.js';

const adminSchema = z.object({ id: z.uuid(), email: z.string() });

/** POST /api/admin-panel/auth/login */
export const adminSessionSchema = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int(),
  admin: adminSchema,
});
export type AdminSession = z.infer<typeof adminSessionSchema>;

export const adminMeSchema = z.object({ admin: adminSchema });

const settingKeys = Object.keys(SYSTEM_SETTINGS) as [SystemSettingKey, ...SystemSettingKey[]];
export const settingViewSchema = z.object({
  key: z.enum(settingKeys),
  label: z.string(),
  secret: z.boolean(),
  isSet: z.boolean(),
  value: z.string().nullable().describe('plain for non-secret settings; masked (last 4 characters) for secrets'),
  updatedAt: isoDateTimeSchema.nullable(),
});
export type SettingView = z.infer<typeof settingViewSchema>;
export const settingListSchema = listOf(settingViewSchema);

export const outboxItemSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  tenantSlug: z.string().nullable(),
  status: z.string(),
  createdAt: isoDateTimeSchema,
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;
export const outboxListSchema = listOf(outboxItemSchema);

export const outboxMessageSchema = outboxItemSchema.extend({ html: z.string(), text: z.string() });
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const tenantViewSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  status: z.enum(['provisioning', 'active', 'suspended']),
  schemaVersion: z.number().int(),
  planCode: z.string(),
  /** The first owner's address and the workspace's size (for the console; one query for all tenants). */
  ownerEmail: z.string().nullable(),
  userCount: z.number().int(),
  accountCount: z.number().int(),
  createdAt: isoDateTimeSchema,
  url: z.string(),
});
export type TenantView = z.infer<typeof tenantViewSchema>;
export const tenantListSchema = listOf(tenantViewSchema);

/** POST /api/admin-panel/settings/test-connection: `message` is the provider's own words on failure. */
export const connectionTestResultSchema = z.object({ ok: z.boolean(), message: z.string() });
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;
