// The "done when": sign up on the root host, land on the new workspace's own host, log in,
// invite a manager from the Team page, accept the invitation from the e-mail in another browser,
// and see the member's abilities mirrored in the UI. Plus: workspaces do not share accounts.
import { describe, expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { tokenFromMail } from '../support/test-app.js';
import { expectAttribute, expectNotVisible, expectText, expectUrl, expectVisible, useBrowserApp, withResponse } from './support/browser-app.js';

const browser = useBrowserApp();

const workspaceNav = (page: Page) => page.getByRole('navigation', { name: 'Workspace' });

describe('sign-up to a working team (browser)', () => {
  browser.test('a visitor creates a workspace, invites a manager, and the manager joins with manager abilities', async ({ app, t, page, newContext }) => {
    const workspaceName = 'Bloom Social Studio';
    const slug = 'bloom-social-studio';
    const ownerEmail = 'alex@bloom.test';
    const ownerPassword = 'bloom-owner-password';
    const memberEmail = 'morgan@bloom.test';

    // --- Sign-up on the root host, with the live address check.
    await page.goto(app.url(undefined, '/signup'));
    await expectVisible(page.getByRole('heading', { name: 'Create your workspace' }));
    await page.getByLabel('Workspace name').fill(workspaceName);
    // The address follows the name until edited, and the check says it is free.
    expect(await page.getByLabel('Workspace address').inputValue()).toBe(slug);
    await expectText(page.getByTestId('slug-status'), `${slug}.localhost is available`);
    await expectAttribute(page.getByTestId('slug-status'), 'data-state', 'available');
    await page.getByLabel('Your name').fill('Alex Morgan');
    await page.getByLabel('Email').fill(ownerEmail);
    await page.getByLabel('Password').fill(ownerPassword);
    await page.getByRole('button', { name: 'Create workspace' }).click();

    // --- The browser moves to the workspace's own host, on its login page.
    await expectUrl(page, (u) => u.origin === app.origin(slug) && u.pathname === '/login');
    await expectVisible(page.getByTestId('welcome-banner'));
    await expectText(page.getByRole('main'), `Log in to ${workspaceName}.`);
    expect(await page.getByLabel('Email').inputValue()).toBe(ownerEmail);
    await page.getByLabel('Password').fill(ownerPassword);
    await page.getByRole('button', { name: 'Log in' }).click();

    // --- The shell shows the new workspace.
    await expectText(page.getByTestId('workspace-name'), workspaceName);
    await expectText(page.getByRole('heading', { level: 1 }), 'Welcome, Alex');
    expect(new URL(page.url()).origin).toBe(app.origin(slug));

    // --- Team → invite a manager. Pick Client first, then Manager, to drive the Radix Select.
    await workspaceNav(page).getByRole('link', { name: 'Team' }).click();
    await expectUrl(page, (u) => u.pathname === '/team');
    await expectVisible(page.getByTestId('member-row'));
    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a team member' });
    await expectVisible(dialog);
    await dialog.getByLabel('Email').fill(memberEmail);
    const role = dialog.getByLabel('Role');
    await role.click();
    await page.getByRole('option', { name: 'Client' }).click();
    await expectText(role, 'Client');
    await role.click();
    await page.getByRole('option', { name: 'Manager' }).click();
    await expectText(role, 'Manager');
    await expectText(dialog, 'Works on the clients and accounts assigned to them.');
    const sent = await withResponse(page, 'POST', '/api/team/invitations', () => dialog.getByRole('button', { name: 'Send invitation' }).click());
    expect(sent.status()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    const invitation = page.getByTestId('invitation-row').filter({ hasText: memberEmail });
    await expectText(invitation, 'Manager');

    // --- The invitation e-mail links to this workspace's host.
    const mail = await t.waitForMail(memberEmail, 'invitation');
    expect(mail.subject).toContain(workspaceName);
    const token = tokenFromMail(mail.text);
    const inviteUrl = `${app.origin(slug)}/invite?token=${token}`;
    expect(mail.text).toContain(inviteUrl);

    // --- The invitee, in a browser of their own, accepts.
    const member = await newContext();
    const mp = member.page;
    await mp.goto(inviteUrl);
    await expectText(mp.getByRole('heading', { level: 1 }), `Join ${workspaceName}`);
    await expectText(mp.getByRole('main'), 'You have been invited as Manager');
    expect(await mp.getByLabel('Email').inputValue()).toBe(memberEmail);
    await mp.getByLabel('Your name').fill('Morgan Lee');
    await mp.getByLabel('Password').fill('morgan-password-123');
    await mp.getByRole('button', { name: 'Accept invitation' }).click();

    // --- They land in the workspace shell, as a manager.
    await expectText(mp.getByTestId('workspace-name'), workspaceName);
    await expectText(mp.getByRole('heading', { level: 1 }), 'Welcome, Morgan');
    expect(new URL(mp.url())).toMatchObject({ origin: app.origin(slug), pathname: '/' });
    await mp.getByRole('button', { name: 'Morgan Lee (account menu)' }).click();
    const menu = mp.getByRole('menu');
    await expectText(menu, memberEmail);
    await expectText(menu, 'Manager');
    await mp.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });

    // Abilities mirrored in the UI: Team is there (managers see the team), Settings is not.
    const nav = workspaceNav(mp);
    await expectVisible(nav.getByRole('link', { name: 'Team' }));
    await expectVisible(nav.getByRole('link', { name: 'Dashboard' }));
    await expectNotVisible(nav.getByRole('link', { name: 'Settings' }));
    await nav.getByRole('link', { name: 'Team' }).click();
    await expectUrl(mp, (u) => u.pathname === '/team');
    await expectVisible(mp.getByRole('heading', { name: 'Team', exact: true }));
    const members = mp.getByTestId('member-row');
    await expectText(members.filter({ hasText: ownerEmail }), 'Owner');
    const me = members.filter({ hasText: memberEmail });
    await expectText(me.getByTestId('member-role'), 'Manager');
    expect(await members.count()).toBe(2);
    // …but inviting, changing roles and removing people are not offered.
    await expectNotVisible(mp.getByRole('button', { name: 'Invite member' }));
    await expectNotVisible(mp.getByRole('button', { name: /Invite someone/ }));
    await expectNotVisible(mp.getByTestId('member-role-select'));
    await expectNotVisible(mp.getByRole('button', { name: /^Remove / }));
    await expectNotVisible(mp.getByRole('table', { name: 'Pending invitations' }));

    // The owner's Team page no longer lists the accepted invitation, and lists the new member.
    await page.reload();
    await expectText(page.getByTestId('member-row').filter({ hasText: memberEmail }), 'Morgan Lee');
    await expectVisible(page.getByRole('heading', { name: 'No pending invitations' }));
    await expectNotVisible(page.getByTestId('invitation-row'));
  });

  browser.test('an account of another workspace cannot log in on this workspace host', async ({ app, t, page }) => {
    const slug = 'solo-creator';
    const registered = await t.request('POST', '/api/auth/register', {
      host: `localhost:${app.port}`,
      body: { workspaceName: 'Solo Creator', slug, name: 'Sam Solo', email: 'sam@solo.test', password: 'solo-password-123' },
    });
    expect(registered.status).toBe(201);

    // The same credentials work on their own workspace…
    await page.goto(app.url('acme', '/login'));
    await page.getByLabel('Email').fill('owner@acme.test');
    await page.getByLabel('Password').fill('acme-password-123');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectText(page.getByTestId('workspace-name'), 'Acme Agency');

    // …and are refused on another one: the login page says so and stays put.
    await page.goto(app.url(slug, '/login'));
    await expectText(page.getByRole('main'), 'Log in to Solo Creator.');
    await page.getByLabel('Email').fill('owner@acme.test');
    await page.getByLabel('Password').fill('acme-password-123');
    const res = await withResponse(page, 'POST', '/api/auth/login', () => page.getByRole('button', { name: 'Log in' }).click());
    expect(res.status()).toBe(401);
    await expectText(page.getByTestId('form-error'), 'That e-mail and password do not match an account in this workspace.');
    expect(new URL(page.url())).toMatchObject({ origin: app.origin(slug), pathname: '/login' });
    await expectNotVisible(page.getByTestId('workspace-name'));
  });
});
