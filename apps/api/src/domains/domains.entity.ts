/** A row of control.domains (DomainEntity) as the domains repository reads it. */
export interface DomainRow {
  id: string;
  tenantId: number;
  hostname: string;
  verificationToken: string;
  verifiedAt: Date | null;
  lastCheckedAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}

export const TXT_PREFIX = 'instagrowth-verify=';
