/** Amounts in mails: Stripe's minor units as `149.00 USD`. */
export const formatMoney = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;

/**
 * Dunning (template `payment-failed`): a renewal failed; the plan stays until the grace period
 * ends, then the workspace is downgraded (data kept). Rendered by the mail templates.
 */
export function dunningVars(p: { name: string; amount: number; currency: string; graceEndsAt: Date | null; url: string; hostedInvoiceUrl: string | null }) {
  return {
    name: p.name,
    amount: formatMoney(p.amount, p.currency),
    graceUntil: p.graceEndsAt ? p.graceEndsAt.toISOString().slice(0, 10) : 'the end of the grace period',
    payUrl: p.hostedInvoiceUrl ?? p.url,
    url: p.url,
  };
}
