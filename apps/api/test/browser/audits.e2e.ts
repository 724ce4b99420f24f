// An audit from the UI: run it from the account page, follow it to the finished report, open an
// evidence panel, download the PDF, share a link and open it logged out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from '@jest/globals';
import { expectText, expectUrl, expectVisible, useBrowserApp } from './support/browser-app.js';

const browser = useBrowserApp();
const DAY = 86_400_000;

function csv(count: number): string {
  const rows = ['posted_at,caption,media_type,likes,comments,saves,shares,reach,views'];
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.now() - (i + 1) * DAY).toISOString().replace(/\.\d+Z$/, 'Z');
    rows.push(`${at},Post ${i} #growth,${['IMAGE', 'REEL', 'CAROUSEL_ALBUM'][i % 3]},${120 + ((i * 37) % 90)},${8 + (i % 7)},${5 + (i % 4)},${2 + (i % 3)},${2400 + ((i * 211) % 900)},${3000 + i * 10}`);
  }
  return rows.join('\n');
}

describe('audits (browser)', () => {
  browser.test('run an audit, watch it finish, expand evidence, download the PDF and open a share link logged out', async ({ app, t, page, newContext }) => {
    const acme = `acme.localhost:${app.port}`;
    const { token } = await t.request('POST', '/api/auth/login', { host: acme, body: { email: 'owner@acme.test', password: 'acme-password-123' } }).then((r) => ({ token: r.body.accessToken as string }));
    const account = await t.request('POST', '/api/accounts/manual', { host: acme, token, body: { username: 'browser.audit', followersCount: 5200 } });
    // Follower counts for every day the posts cover (engagement needs followers at posting time).
    for (let d = 31; d >= 0; d--) {
      await t.request('PUT', `/api/accounts/${account.body.id}/metrics`, { host: acme, token, body: { followersCount: 4900 + (31 - d) * 10, day: new Date(Date.now() - d * DAY).toISOString().slice(0, 10) } });
    }
    expect((await t.request('POST', `/api/accounts/${account.body.id}/posts/import`, { host: acme, token, body: { csv: csv(30) } })).body.imported).toBe(30);

    await page.goto(app.url('acme', '/login'));
    await page.getByLabel('Email').fill('owner@acme.test');
    await page.getByLabel('Password').fill('acme-password-123');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectText(page.getByTestId('workspace-name'), 'Acme Agency');
    await page.goto(app.url('acme', `/accounts/${account.body.id}`));
    await page.getByRole('button', { name: 'Run audit' }).click();
    await expectUrl(page, (u) => u.pathname.startsWith('/audits/'));
    // The progress bar while it runs, then the finished report.
    await expectVisible(page.getByTestId('audit-progress').or(page.getByTestId('scores')));
    await expectVisible(page.getByTestId('scores'));
    await expectText(page.getByTestId('offline-badge'), 'Written without AI');
    // The offline summary states the overall score once (it used to repeat it with a decimal).
    expect((await page.getByTestId('audit-summary').textContent())?.match(/Overall score/g)?.length ?? 0).toBeLessThanOrEqual(1);

    const panel = page.getByTestId('score-engagement').getByTestId('evidence-panel');
    await panel.locator('summary').click();
    await expectVisible(panel.getByTestId('formula'));
    expect(await panel.getByTestId('formula').textContent()).toMatch(/median/i);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'audit-dl-')), 'audit.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(1);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Acme Agency');

    await page.getByRole('button', { name: 'Share link' }).click();
    const url = (await expectText(page.getByTestId('share-url'), /\/r\//)).trim();
    const visitor = await newContext();
    await visitor.page.goto(url);
    await expectVisible(visitor.page.getByText('Acme Agency').first());
    await expectVisible(visitor.page.getByText('@browser.audit').first());
  });
});
