// Client approval end to end in a real browser: a manager sends a library item for approval, the
// client signs in with an e-mailed magic link (read from the outbox), approves it in the Approvals
// inbox, and the manager sees the item approved with the history of who did what.
import { describe, expect } from '@jest/globals';
import { tokenFromMail } from '../support/test-app.js';
import { expectText, expectUrl, expectVisible, useBrowserApp, withResponse, type BrowserApp } from './support/browser-app.js';

const browser = useBrowserApp();

/** The bakery account of client "Bakery Co" (client@acme.test + manager@acme.test attached) with one saved caption. */
async function seed(app: BrowserApp): Promise<{ itemId: string }> {
  const h = `acme.localhost:${app.port}`;
  const req = (method: string, url: string, token: string, body?: unknown) => app.t.request(method, url, { host: h, token, body });
  const owner = (await app.t.request('POST', '/api/auth/login', { host: h, body: { email: 'owner@acme.test', password: 'acme-password-123' } })).body.accessToken as string;
  const members = (await req('GET', '/api/team/members', owner)).body.data as { id: string; email: string }[];
  const id = (email: string) => members.find((m) => m.email === email)!.id;
  const account = (await req('POST', '/api/accounts/manual', owner, { username: 'bakery.portal', followersCount: 1200 })).body.id as string;
  const client = (await req('POST', '/api/clients', owner, { name: 'Bakery Co' })).body.id as string;
  await req('PUT', `/api/clients/${client}/accounts`, owner, { ids: [account] });
  await req('PUT', `/api/clients/${client}/members`, owner, { ids: [id('client@acme.test'), id('manager@acme.test')] });
  const gen = await req('POST', `/api/accounts/${account}/generations`, owner, { kind: 'caption', options: {} });
  const saved = await req('POST', '/api/content', owner, { generationId: gen.body.id, index: 0 });
  expect(saved.status).toBe(201);
  return { itemId: saved.body.id };
}

describe('client approvals (browser)', () => {
  browser.test('manager sends for approval → client signs in by magic link → approves → manager sees approved and the history', async ({ app, t, page, newContext }) => {
    await seed(app);

    // --- The manager sends the item from the library.
    await page.goto(app.url('acme', '/login'));
    await page.getByLabel('Email').fill('manager@acme.test');
    await page.getByLabel('Password').fill('acme-password-123');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectText(page.getByTestId('workspace-name'), 'Acme Agency');
    await page.goto(app.url('acme', '/content'));
    await page.getByRole('tab', { name: 'Library' }).click();
    const item = page.getByTestId('library-item').first();
    await expectVisible(item);
    await item.getByRole('button', { name: 'Send for approval' }).click();
    await item.getByLabel('Note for the client (optional)').fill('For the weekend post');
    const sent = await withResponse(page, 'POST', '/api/approvals', () => item.getByRole('button', { name: 'Send to the client' }).click());
    expect(sent.status()).toBe(201);
    const approvalId = (await sent.json()).id as string;
    await expectText(item.getByTestId('approval-status'), 'Waiting for the client');

    // --- The client asks for a sign-in link on the login page and follows it.
    const { page: client } = await newContext();
    await client.goto(app.url('acme', '/login'));
    await client.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
    await client.getByLabel('Email').fill('client@acme.test');
    await client.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await expectVisible(client.getByTestId('magic-link-sent'));
    const mail = await t.waitForMail('client@acme.test', 'magic-link');
    await client.goto(app.url('acme', `/magic-link?token=${tokenFromMail(mail.text)}`));
    await expectUrl(client, (u) => u.pathname === '/approvals');
    await expectText(client.getByRole('heading', { level: 1 }), 'Approvals');
    const card = client.getByTestId('approval-card').first();
    await expectText(card, 'bakery.portal');
    await expectText(card.getByTestId('approval-snapshot'), /\S/);
    const approved = await withResponse(client, 'POST', `/api/approvals/${approvalId}/decision`, () => card.getByRole('button', { name: 'Approve' }).click());
    expect(approved.status()).toBe(200);
    await expectText(client.getByRole('main'), 'Nothing is waiting for approval');
    // A staff-only page opened by URL says so, without asking the API for what it would refuse.
    const refused: string[] = [];
    client.on('response', (r) => void (r.status() === 403 && refused.push(r.url())));
    await client.goto(app.url('acme', '/billing'));
    await expectText(client.getByRole('main'), 'You do not have access to this section');
    expect(refused).toEqual([]);

    // --- The manager sees it approved, with the history.
    await page.reload();
    await page.getByRole('tab', { name: 'Library' }).click();
    const after = page.getByTestId('library-item').first();
    await expectText(after.getByTestId('approval-status'), 'Approved');
    expect(await after.getByLabel('Status of the item').inputValue()).toBe('approved');
    await after.getByRole('button', { name: 'History' }).click();
    const history = after.getByTestId('approval-history');
    await expectText(history, /\(manager\) sent it for approval/);
    await expectText(history, /\(client\) approved it/);
    await expectText(history, 'For the weekend post');
  });
});
