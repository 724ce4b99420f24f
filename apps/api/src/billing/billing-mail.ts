import type { RenderedMail } from '../core/mail/mail.templates.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;

/** Dunning: a renewal failed; the plan stays until the grace period ends, then the workspace is downgraded (data kept). */
export function dunningMail(p: { workspace: string; name: string; amount: number; currency: string; graceEndsAt: Date | null; url: string; hostedInvoiceUrl: string | null }): RenderedMail {
  const until = p.graceEndsAt ? p.graceEndsAt.toISOString().slice(0, 10) : 'the end of the grace period';
  const sentence = `The payment of ${money(p.amount, p.currency)} for ${p.workspace} failed. Your plan stays active until ${until}; after that the workspace moves to the Starter plan. Nothing is deleted: accounts over the limit become read-only until you pay.`;
  const link = p.hostedInvoiceUrl ?? p.url;
  return {
    subject: `Payment failed for ${p.workspace}: update your card`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif"><p>Hi ${escape(p.name)},</p><p>${escape(sentence)}</p><p><a href="${escape(link)}">Pay the invoice or update your card</a></p><p>Billing page: ${escape(p.url)}</p></body></html>`,
    text: `Hi ${p.name},\n\n${sentence}\n\nPay the invoice or update your card: ${link}\nBilling page: ${p.url}`,
  };
}
