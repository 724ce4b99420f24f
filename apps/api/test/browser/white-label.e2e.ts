/// <reference lib="dom" />
// Branded surfaces in a real browser: the northwind agency's login page and app shell carry its
// name, colours, logo and favicon, and nothing says "InstaGrowth" where the plan hides it.
import { resolve } from 'node:path';
import { describe, expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { applyManifest } from '../../src/workspaces/manifest-apply.js';
import { expectText, expectVisible, useBrowserApp } from './support/browser-app.js';

const browser = useBrowserApp();
const NORTHWIND = resolve(process.cwd(), 'tenants/northwind-agency/tenant.json');
const PRIMARY: [number, number, number] = [0x0e, 0x74, 0x90];

/** Pixels of a screenshot within a small distance of `rgb`, counted by decoding the PNG in a blank page. */
async function pixelsOf(page: Page, png: Buffer, rgb: [number, number, number]): Promise<number> {
  return page.evaluate(
    async ({ b64, rgb }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - rgb[0]) + Math.abs(data[i + 1]! - rgb[1]) + Math.abs(data[i + 2]! - rgb[2]) < 24) n++;
      return n;
    },
    { b64: png.toString('base64'), rgb },
  );
}

describe('white-label (browser)', () => {
  browser.test('the agency login page and app shell are in its brand, without the platform name', async ({ app, page, newContext }) => {
    await applyManifest(app.t.app, NORTHWIND);
    const { page: blank } = await newContext();

    await page.goto(app.url('northwind', '/login'));
    await expectText(page.getByRole('main'), 'Log in to Northwind Growth.');
    await expectVisible(page.getByRole('button', { name: 'Log in' }));
    await page.waitForFunction(() => document.title === 'Northwind Growth');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand-primary').trim())).toBe('#0e7490');
    expect(await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.getAttribute('href'))).toMatch(/^\/api\/branding\/assets\/[0-9a-f]{20}\.svg$/);
    const loginShot = await page.screenshot({ fullPage: true });
    expect(await pixelsOf(blank, await page.getByRole('button', { name: 'Log in' }).screenshot(), PRIMARY)).toBeGreaterThan(500);
    expect(await pixelsOf(blank, loginShot, PRIMARY)).toBeGreaterThan(500);
    expect(await page.locator('body').innerText()).not.toMatch(/InstaGrowth/i);
    expect(await page.getByTestId('powered-by').count()).toBe(0);

    await page.getByLabel('Email').fill('client@harbor-coffee.test');
    await page.getByLabel('Password').fill('northwind-client-123');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectText(page.getByTestId('workspace-name').first(), 'Northwind Growth');
    await expectText(page.getByRole('navigation', { name: 'Workspace' }).first(), 'Accounts');
    const nav = await page.getByRole('navigation', { name: 'Workspace' }).first().innerText();
    for (const hidden of ['Branding', 'Domains', 'Team', 'Settings']) expect(nav).not.toContain(hidden);
    await page.goto(app.url('northwind', '/accounts'));
    await expectText(page.getByRole('main'), 'harbor.coffee');
    expect(await page.getByRole('main').innerText()).not.toContain('fjord.outdoor');
    const shell = await page.screenshot({ fullPage: true });
    expect(await pixelsOf(blank, shell, PRIMARY)).toBeGreaterThan(200);
    expect(await page.locator('body').innerText()).not.toMatch(/InstaGrowth/i);
    expect(await page.title()).toBe('Northwind Growth');
  });

  browser.test('the owner edits the branding with a live preview and the app follows', async ({ app, page }) => {
    await applyManifest(app.t.app, NORTHWIND);
    await page.goto(app.url('northwind', '/login'));
    await page.getByLabel('Email').fill('owner@northwind.test');
    await page.getByLabel('Password').fill('northwind-password-123');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectVisible(page.getByTestId('workspace-name').first());
    await page.goto(app.url('northwind', '/settings/branding'));
    const colour = page.locator('#brand-primaryColor');
    await expectVisible(colour);
    await colour.fill('#fde047');
    // The preview follows the draft before saving.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="branding-preview"] button')!).backgroundColor === 'rgb(253, 224, 71)');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await expectVisible(page.getByTestId('contrast-warnings'));
    await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--brand-primary').trim() === '#fde047');
    await page.locator('#brand-primaryColor').fill('#0e7490');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--brand-primary').trim() === '#0e7490');
  });
});
