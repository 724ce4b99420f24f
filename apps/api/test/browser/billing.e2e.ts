// Billing in a real browser: the pricing page (plans from the API, monthly/yearly toggle) → the
// owner's billing page → "Choose Agency" → the fake Stripe's hosted Checkout page → Pay → the
// signed webhooks reach the app → back on the billing page, which shows the new plan and usage.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { FakeStripe } from '../support/fake-stripe.js';
import { expectText, expectUrl, expectVisible, useBrowserApp } from './support/browser-app.js';

let stripe: FakeStripe | undefined;

beforeAll(async () => {
  stripe = await new FakeStripe().start();
});
afterAll(async () => {
  await stripe?.close();
});

const browser = useBrowserApp({
  env: () => {
    if (!stripe) throw new Error('The fake Stripe did not start (see beforeAll).');
    return { STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, STRIPE_API_BASE_URL: stripe.url };
  },
});

beforeAll(() => {
  const app = browser.app();
  // Stripe posts to the root host's webhook route.
  // node:http, because fetch does not let a caller set Host (Node does not resolve *.localhost either).
  stripe!.onWebhook(
    (payload, signature) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: app.port, method: 'POST', path: '/api/billing/webhook', headers: { host: `localhost:${app.port}`, 'content-type': 'application/json', 'stripe-signature': signature } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(payload);
      }),
  );
});

describe('billing (browser)', () => {
  browser.test('pricing → checkout on the hosted page → the billing page shows the new plan and usage', async ({ app, page }) => {
    await page.goto(app.url(undefined, '/pricing'));
    await expectText(page.getByTestId('price-pro'), '$49');
    await page.getByRole('radio', { name: /Yearly/ }).click();
    await expectText(page.getByTestId('price-pro'), '$490');
    await page.getByRole('listitem', { name: 'Agency plan' }).getByRole('link', { name: 'Choose Agency' }).click();
    await expectUrl(page, (u) => u.pathname === '/signup' && u.searchParams.get('plan') === 'agency');
    await expectText(page.locator('body'), 'You picked Agency');

    await page.goto(app.url('acme', '/login'));
    await page.getByLabel('Email').fill('owner@acme.test');
    await page.getByLabel('Password').fill('acme-password-123');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectText(page.getByTestId('workspace-name'), 'Acme Agency');
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Billing' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Billing', level: 1 }));
    await expectText(page.getByTestId('usage-accounts'), '0 of 5 accounts');
    // Counts agree with their nouns ("1 account", not "1 accounts").
    await expectText(page.getByRole('group', { name: 'Starter plan option' }), '1 account · 10 AI credits · 1 seat');

    await page.getByRole('button', { name: 'Choose Agency' }).click();
    await expectUrl(page, (u) => u.origin === stripe!.url && u.pathname.startsWith('/checkout/cs_test_'));
    await expectText(page.locator('body'), 'Total: $149.00');
    await page.getByRole('button', { name: /Pay/ }).click();

    await expectUrl(page, (u) => u.origin === app.origin('acme') && u.pathname === '/billing' && u.searchParams.get('checkout') === 'success');
    await expectText(page.getByTestId('billing-plan'), 'Agency');
    await expectText(page.getByTestId('billing-status'), 'Active');
    await expectText(page.getByTestId('usage-accounts'), '0 of 25 accounts');
    await expectText(page.getByTestId('usage-seats'), 'of 10 seats');
    // The invoice arrives by its own webhook (invoice.paid), maybe after the subscription's: the page
    // keeps polling after a checkout, so wait for the row rather than counting at once.
    await expectVisible(page.getByTestId('invoice-row'));
    expect(await page.getByTestId('invoice-row').count()).toBe(1);
    expect(stripe!.deliveries.every((d) => d.status === 200)).toBe(true);
  });
});
