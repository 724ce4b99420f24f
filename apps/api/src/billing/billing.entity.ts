/** control.invoices as mirrored from Stripe. */
export interface InvoiceRow {
  id: string;
  tenantId: number;
  number: string | null;
  currency: string;
  amountDue: number;
  amountPaid: number;
  status: string;
  periodStart: Date | null;
  periodEnd: Date | null;
  hostedInvoiceUrl: string | null;
  createdAt: Date;
}

/** control.stripe_events: each event id once; processed_at set when its job finished. */
export interface StoredEvent {
  id: string;
  type: string;
  processedAt: Date | null;
  payload: { id: string; type: string; created: number; data: { object: Record<string, unknown> & { id?: string } } };
}
