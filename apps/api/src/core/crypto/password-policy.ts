import { createRequire } from 'node:module';
import { badRequest } from '../errors/domain-error.js';

// Mozilla's maintained list of common passwords (CommonJS, loaded once; ~10k entries).
const commonList = createRequire(import.meta.url)('fxa-common-password-list') as { test(password: string): boolean };

/**
 * NIST SP 800-63B §5.1.1.2: length (checked by the contracts schema), no composition rules, but
 * refuse passwords from a list of common ones, repetitive ones, and context-specific words (the
 * user's own e-mail address and its local part). Null when the password is acceptable.
 */
export function passwordWeakness(password: string, email?: string): string | null {
  const lower = password.toLowerCase();
  const trimmed = lower.trim();
  if (!trimmed) return 'must not be only spaces';
  if (new Set(trimmed).size === 1) return 'must not repeat a single character';
  if (commonList.test(password) || commonList.test(lower) || commonList.test(trimmed)) return 'is one of the most common passwords; choose another';
  if (email) {
    const address = email.trim().toLowerCase();
    const local = address.split('@')[0] ?? '';
    if (trimmed === address || (local.length >= 3 && trimmed.includes(local) && trimmed.replace(local, '').replace(/[^a-z0-9]/g, '').length < 4)) {
      return 'must not be your e-mail address';
    }
  }
  return null;
}

/** Throws a 400 naming `field` when the password is weak. */
export function assertStrongPassword(password: string, email: string | undefined, field = 'password'): void {
  const reason = passwordWeakness(password, email);
  if (reason) throw badRequest('weak_password', `The password ${reason}.`, { [field]: reason });
}
