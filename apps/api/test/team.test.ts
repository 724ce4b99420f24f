import { createTestApp, host, tokenFromMail, type TestApp } from './support/test-app.js';

describe('team: invitations and roles', () => {
  let t: TestApp;
  let owner: string;
  beforeAll(async () => {
    t = await createTestApp();
    owner = (await t.login('acme', 'owner@acme.test')).token;
  });
  afterAll(async () => t.close());

  it('invites by e-mail with a single-use token; the invitee joins with the invited role and logs in', async () => {
    const invite = await t.request('POST', '/api/team/invitations', { host: host('acme'), token: owner, body: { email: 'New.Person@Example.test', role: 'manager' } });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ email: 'new.person@example.test', role: 'manager' });
    const list = await t.request('GET', '/api/team/invitations', { host: host('acme'), token: owner });
    expect(list.body.data.map((i: { id: string }) => i.id)).toContain(invite.body.id);

    const mail = await t.waitForMail('new.person@example.test', 'invitation');
    expect(mail.subject).toContain('Acme Agency');
    const token = tokenFromMail(mail.text);
    const preview = await t.request('GET', `/api/auth/invitations/${token}`, { host: host('acme') });
    expect(preview.body).toEqual({ email: 'new.person@example.test', role: 'manager', workspaceName: 'Acme Agency' });
    // The token means nothing on another workspace.
    expect((await t.request('GET', `/api/auth/invitations/${token}`, { host: host('globex') })).status).toBe(404);

    const accepted = await t.request('POST', '/api/auth/accept-invitation', { host: host('acme'), body: { token, name: 'New Person', password: 'new-person-password' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ email: 'new.person@example.test', role: 'manager', emailVerified: true });
    expect((await t.request('POST', '/api/auth/accept-invitation', { host: host('acme'), body: { token, name: 'Again', password: 'new-person-password' } })).status).toBe(404);

    const session = await t.login('acme', 'new.person@example.test', 'new-person-password');
    const me = await t.request('GET', '/api/auth/me', { host: host('acme'), token: session.token });
    expect(me.body.user.role).toBe('manager');
    const members = await t.request('GET', '/api/team/members', { host: host('acme'), token: owner });
    expect(members.body.data.map((m: { email: string }) => m.email)).toContain('new.person@example.test');
  });

  it('refuses duplicate invitations and existing members with 409 naming the field', async () => {
    const dup = await t.request('POST', '/api/team/invitations', { host: host('acme'), token: owner, body: { email: 'admin@acme.test', role: 'client' } });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ error: 'already_member', fields: { email: expect.any(String) } });
    await t.request('POST', '/api/team/invitations', { host: host('acme'), token: owner, body: { email: 'twice@example.test', role: 'client' } });
    const again = await t.request('POST', '/api/team/invitations', { host: host('acme'), token: owner, body: { email: 'twice@example.test', role: 'client' } });
    expect(again.body.error).toBe('already_invited');
  });

  it('validates invitations: no owner invitations, a valid e-mail, a known role', async () => {
    const res = await t.request('POST', '/api/team/invitations', { host: host('acme'), token: owner, body: { email: 'bad', role: 'owner' } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['email', 'role']);
  });

  it('revokes an invitation so its link stops working', async () => {
    const inv = await t.request('POST', '/api/team/invitations', { host: host('acme'), token: owner, body: { email: 'revoked@example.test', role: 'client' } });
    const mail = await t.waitForMail('revoked@example.test', 'invitation');
    expect((await t.request('DELETE', `/api/team/invitations/${inv.body.id}`, { host: host('acme'), token: owner })).status).toBe(204);
    expect((await t.request('GET', `/api/auth/invitations/${tokenFromMail(mail.text)}`, { host: host('acme') })).status).toBe(404);
    expect((await t.request('DELETE', `/api/team/invitations/${inv.body.id}`, { host: host('acme'), token: owner })).status).toBe(404);
  });

  it('enforces roles on every team route', async () => {
    const admin = (await t.login('acme', 'admin@acme.test')).token;
    const manager = (await t.login('acme', 'manager@acme.test')).token;
    const client = (await t.login('acme', 'client@acme.test')).token;
    const members = (await t.request('GET', '/api/team/members', { host: host('acme'), token: owner })).body.data as { id: string; email: string }[];
    const id = (email: string) => members.find((m) => m.email === email)!.id;

    expect((await t.request('GET', '/api/team/members', { host: host('acme'), token: manager })).status).toBe(200);
    expect((await t.request('GET', '/api/team/members', { host: host('acme'), token: client })).status).toBe(403);
    expect((await t.request('POST', '/api/team/invitations', { host: host('acme'), token: manager, body: { email: 'm@x.test', role: 'client' } })).status).toBe(403);
    expect((await t.request('GET', '/api/team/invitations', { host: host('acme'), token: client })).status).toBe(403);

    // Admins manage non-owners but cannot touch owners or create them.
    expect((await t.request('PATCH', `/api/team/members/${id('client@acme.test')}`, { host: host('acme'), token: admin, body: { role: 'manager' } })).body.role).toBe('manager');
    expect((await t.request('PATCH', `/api/team/members/${id('client@acme.test')}`, { host: host('acme'), token: admin, body: { role: 'owner' } })).status).toBe(403);
    expect((await t.request('PATCH', `/api/team/members/${id('owner@acme.test')}`, { host: host('acme'), token: admin, body: { role: 'client' } })).status).toBe(403);
    expect((await t.request('DELETE', `/api/team/members/${id('owner@acme.test')}`, { host: host('acme'), token: admin })).status).toBe(403);
    // The role change took effect at once for the member's next request (no stale permission cache).
    expect((await t.request('GET', '/api/team/members', { host: host('acme'), token: client })).status).toBe(200);

    // The last owner cannot be demoted.
    const lastOwner = await t.request('PATCH', `/api/team/members/${id('owner@acme.test')}`, { host: host('acme'), token: owner, body: { role: 'admin' } });
    expect(lastOwner.status).toBe(409);
    expect(lastOwner.body.error).toBe('last_owner');
    expect((await t.request('PATCH', `/api/team/members/${id('owner@acme.test')}`, { host: host('acme'), token: owner, body: { role: 'superuser' } })).status).toBe(400);
    expect((await t.request('PATCH', '/api/team/members/not-a-uuid', { host: host('acme'), token: owner, body: { role: 'admin' } })).body.fields).toEqual({ id: 'must be a UUID' });
  });

  it('removes a member, whose session then stops working', async () => {
    const session = await t.login('acme', 'new.person@example.test', 'new-person-password');
    const id = session.user.id;
    expect((await t.request('DELETE', `/api/team/members/${id}`, { host: host('acme'), token: owner })).status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { host: host('acme'), token: session.token })).status).toBe(401);
    expect((await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: session.refreshCookie })).status).toBe(401);
  });
});
