/** control.referral_commissions as read here. */
export interface CommissionRow {
  id: string;
  referrerTenantId: number;
  referredTenantId: number;
  referrerSlug?: string;
  referredSlug?: string;
  invoiceId: string;
  currency: string;
  amount: number;
  status: 'pending' | 'payable' | 'paid' | 'reversed';
  payableAt: Date;
  paidAt: Date | null;
  createdAt: Date;
}
