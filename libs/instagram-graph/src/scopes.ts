// The five current Business Login scopes (API.md §1.3). The pre-2025 `business_*` names and the
// Facebook-Login names are not valid on this flow.

export const INSTAGRAM_SCOPES = [
  'instagram_business_basic',
  'instagram_business_manage_insights',
  'instagram_business_manage_comments',
  'instagram_business_manage_messages',
  'instagram_business_content_publish',
] as const;

export type InstagramScope = (typeof INSTAGRAM_SCOPES)[number];

/** Mandatory for every authorization. */
export const REQUIRED_SCOPE: InstagramScope = 'instagram_business_basic';

/** Scopes that were asked for but not granted (users can untick permissions, §1.3). */
export function missingScopes(granted: readonly string[], wanted: readonly string[] = INSTAGRAM_SCOPES): string[] {
  const grantedSet = new Set(granted);
  return wanted.filter((scope) => !grantedSet.has(scope));
}
