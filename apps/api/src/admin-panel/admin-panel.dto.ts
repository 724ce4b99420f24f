export { adminLoginSchema, tenantStatusSchema, updateSettingsSchema } from '@instagrowth/contracts';

/** Masks a secret for display: enough to recognise it, never enough to use it. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '••••••••';
  return `${'•'.repeat(8)}${value.slice(-4)}`;
}
