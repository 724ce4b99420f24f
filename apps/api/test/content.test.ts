import { GENERATION_ITEM_SCHEMAS, GENERATION_KINDS, CONTENT_CSV_COLUMNS } from '@instagrowth/contracts';
import { seedFromManifest } from '../src/workspaces/demo-seed.js';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

/** RFC 4180 reader for the export (quotes, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** 12 posts over 36 days with reach, in two formats, tagged so the engine has medians per tag. */
function postsCsv(theme: string, tags: string[]): string {
  const lines = ['posted_at,caption,media_type,likes,comments,saves,shares,reach'];
  for (let i = 0; i < 12; i++) {
    const type = i % 2 ? 'REEL' : 'CAROUSEL_ALBUM';
    const reach = type === 'REEL' ? 3000 + i * 100 : 1000 + i * 50;
    const caption = `${theme} post ${i} ${tags.slice(0, (i % tags.length) + 1).map((t) => `#${t}`).join(' ')}`;
    lines.push(`${days(3 + i * 3)}T18:00:00Z,"${caption}",${type},${100 + i * 5},${10 + i},${5},${3},${reach}`);
  }
  return lines.join('\n');
}

describe('content engine, library and growth planner', () => {
  let t: TestApp;
  let ai: FakeOpenAi;
  let owner: string;
  let manager: string;
  let client: string;
  let bakery: string;
  let yoga: string;
  let cafe: string;
  const acme = host('acme');
  const req = (method: string, url: string, token: string, body?: unknown) => t.request(method, url, { host: acme, token, body });

  beforeAll(async () => {
    ai = await startFakeOpenAi();
    t = await createTestApp({ DEFAULT_AI_CREDITS: '4', OPENAI_TIMEOUT_MS: '500', OPENAI_MAX_RETRIES: '0' });
    owner = (await t.login('acme', 'owner@acme.test')).token;
    const users = await req('GET', '/api/team/members', owner);
    const id = (email: string) => users.body.data.find((u: { email: string }) => u.email === email).id;
    for (const [username, theme, tags] of [['bakery.one', 'Sourdough', ['sourdough', 'bread', 'bakery']], ['yoga.two', 'Morning yoga', ['yoga', 'mindfulness', 'stretch']]] as const) {
      const created = await req('POST', '/api/accounts/manual', owner, { username, followersCount: 5000 });
      expect(created.status).toBe(201);
      const imported = await req('POST', `/api/accounts/${created.body.id}/posts/import`, owner, { csv: postsCsv(theme, [...tags]) });
      expect(imported.body.imported).toBe(12);
      if (username === 'bakery.one') bakery = created.body.id;
      else yoga = created.body.id;
    }
    cafe = (await req('POST', '/api/accounts/manual', owner, { username: 'cafe.three', followersCount: 10 })).body.id;
    await req('PUT', `/api/accounts/${bakery}/assignments`, owner, { userIds: [id('manager@acme.test'), id('client@acme.test')] });
    const voice = await req('PUT', `/api/accounts/${bakery}/brand-voice`, owner, {
      niche: 'artisan sourdough bakery',
      audience: 'home bakers in Berlin',
      goals: ['sell out weekend loaves'],
      tone: 'warm and nerdy',
      wordsToUse: ['crumb', 'levain'],
      wordsToAvoid: ['cheap'],
      emojiPolicy: 'none',
      ctaStyle: 'direct',
      exampleCaptions: ['Open crumb, happy baker.'],
      timeZone: 'Europe/Berlin',
    });
    expect(voice.status).toBe(200);
    await req('PUT', `/api/accounts/${yoga}/brand-voice`, owner, { niche: 'morning yoga for runners', tone: 'calm' });
    manager = (await t.login('acme', 'manager@acme.test')).token;
    client = (await t.login('acme', 'client@acme.test')).token;
  });
  afterAll(async () => {
    await t.close();
    await ai.close();
  });

  const balance = async () => (await req('GET', '/api/credits', owner)).body.balance as number;
  const configureAi = async (on: boolean) => {
    const admin = await t.adminLogin();
    const values = on ? { 'openai.apiKey': 'sk-test-content', 'openai.baseUrl': ai.baseUrl, 'openai.model': 'test-model' } : { 'openai.apiKey': null };
    expect((await t.request('PUT', '/api/admin-panel/settings', { host: host('admin'), token: admin, body: { values } })).status).toBe(200);
  };

  it('keeps a brand voice per account and rejects bad input naming the field', async () => {
    const empty = await req('GET', `/api/accounts/${cafe}/brand-voice`, owner);
    expect(empty.body).toMatchObject({ configured: false, niche: '', emojiPolicy: 'light', timeZone: 'UTC' });
    const bad = await req('PUT', `/api/accounts/${cafe}/brand-voice`, owner, { niche: 'x', timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('timeZone');
    const nul = await req('PUT', `/api/accounts/${cafe}/brand-voice`, owner, { niche: 'bread\u0000' });
    expect(nul.status).toBe(400);
    expect(nul.body.fields).toHaveProperty('niche');
    const saved = await req('PUT', `/api/accounts/${cafe}/brand-voice`, owner, { niche: 'specialty coffee', wordsToUse: ['crema'], emojiPolicy: 'rich', timeZone: 'Asia/Tokyo' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ configured: true, niche: 'specialty coffee', timeZone: 'Asia/Tokyo', wordsToUse: ['crema'], emojiPolicy: 'rich' });
    expect((await req('GET', `/api/accounts/${cafe}/brand-voice`, owner)).body).toMatchObject({ configured: true, niche: 'specialty coffee' });
    // The assigned manager may edit, the client only reads; an unassigned manager sees nothing.
    expect((await req('PUT', `/api/accounts/${bakery}/brand-voice`, manager, (await req('GET', `/api/accounts/${bakery}/brand-voice`, manager)).body)).status).toBe(200);
    expect((await req('PUT', `/api/accounts/${bakery}/brand-voice`, client, { niche: 'x' })).status).toBe(403);
    expect((await req('GET', `/api/accounts/${yoga}/brand-voice`, manager)).status).toBe(404);
  });

  it('writes every kind offline for free, labelled, from the account’s own data', async () => {
    const before = await balance();
    for (const kind of GENERATION_KINDS) {
      const res = await req('POST', `/api/accounts/${bakery}/generations`, owner, { kind, options: { count: 3, topic: 'weekend loaves', startDate: days(-1), endDate: days(-5) } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ kind, source: 'offline', creditsUsed: 0, grounding: { brandVoice: true, topPosts: 5 } });
      expect(res.body.items.length).toBeGreaterThan(0);
      for (const item of res.body.items) expect(GENERATION_ITEM_SCHEMAS[kind as keyof typeof GENERATION_ITEM_SCHEMAS].safeParse(item.data).success).toBe(true);
    }
    // The emoji policy "none" holds offline too; the account's own tags are used and carry their reach.
    const caption = await req('POST', `/api/accounts/${bakery}/generations`, owner, { kind: 'caption', options: {} });
    expect(caption.body.items[0].text).not.toMatch(/✨|🔥/);
    const tags = await req('POST', `/api/accounts/${bakery}/generations`, owner, { kind: 'hashtags', options: {} });
    const sourdough = tags.body.items.flatMap((i: { data: { tags: { tag: string; medianReach: number | null; posts: number }[] } }) => i.data.tags).find((x: { tag: string }) => x.tag === 'sourdough');
    expect(sourdough).toMatchObject({ posts: 12 });
    expect(sourdough.medianReach).toBeGreaterThan(0);
    expect(await balance()).toBe(before);
    const bad = await req('POST', `/api/accounts/${bakery}/generations`, owner, { kind: 'poem', options: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('kind');
  });

  it('asks the AI with the brand voice and top posts, debits one credit, ranks hashtags by the account’s reach', async () => {
    await configureAi(true);
    ai.mode = 'ok';
    ai.answers.caption = { items: [{ text: 'Levain at dawn.', hashtags: ['sourdough'], cta: 'Order by Friday.' }] };
    ai.answers.hashtags = {
      items: [
        { name: 'Broad', tier: 'broad', tags: [{ tag: 'food', posts: 0, medianReach: null }], medianReach: null },
        { name: 'Ours', tier: 'niche', tags: [{ tag: '#sourdough', posts: 0, medianReach: 99999 }, { tag: 'bread', posts: 0, medianReach: null }], medianReach: 99999 },
      ],
    };
    const before = await balance();
    const res = await req('POST', `/api/accounts/${bakery}/generations`, manager, { kind: 'caption', options: { tone: 'playful' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'ai', creditsUsed: 1, items: [{ data: { text: 'Levain at dawn.' } }] });
    expect(await balance()).toBe(before - 1);
    const prompt = ai.requests.at(-1)!.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('artisan sourdough bakery');
    expect(prompt).toContain('crumb, levain');
    expect(prompt).toContain('Never use: cheap');
    expect(prompt).toMatch(/Top posts \(best first\):\n1\. \[carousel, 11\.\d+ % engagement, reach 1500\] Sourdough post 10/);
    expect(prompt).toContain('Best formats for this account: carousel');
    expect(ai.requests.at(-1)!.response_format?.json_schema?.name).toBe('caption_items');

    // The same request for another account carries that account's voice and posts instead.
    await req('POST', `/api/accounts/${yoga}/generations`, owner, { kind: 'caption', options: { tone: 'playful' } });
    const other = ai.requests.at(-1)!.messages.map((m) => m.content).join('\n');
    expect(other).toContain('morning yoga for runners');
    expect(other).not.toContain('sourdough');

    const tags = await req('POST', `/api/accounts/${bakery}/generations`, owner, { kind: 'hashtags', options: {} });
    expect(tags.body.items.map((i: { data: { name: string } }) => i.data.name)).toEqual(['Ours', 'Broad']);
    const ours = tags.body.items[0].data;
    // The model's numbers are replaced by the account's own: 12 posts carry #sourdough.
    expect(ours.tags[0]).toMatchObject({ tag: 'sourdough', posts: 12 });
    expect(ours.tags[0].medianReach).not.toBe(99999);
    expect(ours.medianReach).not.toBeNull();
    expect(tags.body.items[1].data.medianReach).toBeNull();
    await configureAi(false);
  });

  it('saves, filters, edits, exports and deletes library items; clients see approved content only', async () => {
    const gen = await req('POST', `/api/accounts/${bakery}/generations`, owner, { kind: 'caption', options: { count: 3 } });
    const saved: { id: string }[] = [];
    for (const index of [0, 1, 2]) {
      const res = await req('POST', '/api/content', manager, { generationId: gen.body.id, index, tags: ['weekend'] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ accountId: bakery, kind: 'caption', status: 'idea', source: 'offline', inputs: { kind: 'caption' } });
      saved.push(res.body);
    }
    expect((await req('POST', '/api/content', manager, { generationId: gen.body.id, index: 9 })).status).toBe(400);
    const edited = await req('PATCH', `/api/content/${saved[0].id}`, manager, { text: 'Edited, with "quotes"\nand a newline', favourite: true, tags: ['weekend', 'best'], status: 'approved' });
    expect(edited.body).toMatchObject({ favourite: true, status: 'approved', tags: ['weekend', 'best'] });
    expect((await req('PATCH', `/api/content/${saved[1].id}`, manager, {})).status).toBe(400);

    const page = await req('GET', `/api/content?accountId=${bakery}&pageSize=2&page=1`, owner);
    expect(page.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(page.body.data).toHaveLength(2);
    expect((await req('GET', '/api/content?favourite=true', owner)).body.total).toBe(1);
    expect((await req('GET', '/api/content?tag=best', owner)).body.total).toBe(1);
    expect((await req('GET', '/api/content?q=quotes', owner)).body.total).toBe(1);
    expect((await req('GET', '/api/content?q=100%25', owner)).body.total).toBe(0);

    // Clients: approved content of their accounts only, and no edits.
    const seen = await req('GET', '/api/content', client);
    expect(seen.body.data.map((i: { id: string }) => i.id)).toEqual([saved[0].id]);
    expect((await req('PATCH', `/api/content/${saved[0].id}`, client, { favourite: false })).status).toBe(403);
    expect((await req('DELETE', `/api/content/${saved[1].id}`, manager)).status).toBe(204);

    const json = await req('GET', `/api/content/export?format=json&accountId=${bakery}`, owner);
    expect(json.headers['content-disposition']).toMatch(/attachment; filename="content-.*\.json"/);
    expect(json.body.data.map((i: { id: string }) => i.id).sort()).toEqual([saved[0].id, saved[2].id].sort());
    const csv = await req('GET', `/api/content/export?format=csv&accountId=${bakery}`, owner);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    const rows = parseCsv(csv.body as string);
    expect(rows[0]).toEqual([...CONTENT_CSV_COLUMNS]);
    const row = rows.find((r) => r[0] === saved[0].id)!;
    expect(row[CONTENT_CSV_COLUMNS.indexOf('text')]).toBe('Edited, with "quotes"\nand a newline');
    expect(row[CONTENT_CSV_COLUMNS.indexOf('tags')]).toBe('weekend|best');
    expect(rows).toHaveLength(3);
    expect((await req('GET', '/api/content/export?format=xml', owner)).status).toBe(400);
  });

  it('builds a 30-day plan, checks off and moves tasks, regenerates a day keeping done tasks, exports a PDF', async () => {
    const bad = await req('POST', `/api/accounts/${bakery}/growth-plans`, owner, { days: 10 });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('days');
    const res = await req('POST', `/api/accounts/${bakery}/growth-plans`, manager, { days: 30 });
    expect(res.status).toBe(201);
    const plan = res.body;
    expect(plan).toMatchObject({ days: 30, timeZone: 'Europe/Berlin', basis: 'engine', mix: { available: true } });
    expect(plan.bestTimes.grid).toHaveLength(7);
    expect(plan.bestTimes.source).toEqual(expect.any(String));
    expect(new Set(plan.tasks.map((x: { day: number }) => x.day)).size).toBe(30);
    expect(plan.tasks.filter((x: { type: string }) => x.type === 'post').length).toBeGreaterThanOrEqual(12);
    expect(plan.goals.filter((g: { metric: string }) => g.metric === 'followers')).toHaveLength(5);
    expect(plan.goals[0]).toMatchObject({ week: 1, metric: 'followers', baseline: 5000 });

    const first = plan.tasks.find((x: { day: number; type: string }) => x.day === 1 && x.type === 'engage');
    const checked = await req('PATCH', `/api/growth-plans/${plan.id}/tasks/${first.id}`, manager, { done: true });
    expect(checked.body.progress.done).toBe(1);
    const moved = await req('PATCH', `/api/growth-plans/${plan.id}/tasks/${first.id}`, manager, { day: 3 });
    expect(moved.body.tasks.find((x: { id: string }) => x.id === first.id)).toMatchObject({ day: 3, done: true });
    expect((await req('PATCH', `/api/growth-plans/${plan.id}/tasks/${first.id}`, manager, { day: 31 })).status).toBe(400);

    const day3Before = moved.body.tasks.filter((x: { day: number }) => x.day === 3);
    const regen = await req('POST', `/api/growth-plans/${plan.id}/regenerate-day`, manager, { day: 3 });
    expect(regen.status).toBe(200);
    const day3 = regen.body.tasks.filter((x: { day: number }) => x.day === 3);
    expect(day3.find((x: { id: string }) => x.id === first.id)).toMatchObject({ done: true });
    // The done "engage" task is kept and not planned twice; the open ones are new rows.
    expect(day3.filter((x: { type: string }) => x.type === 'engage')).toHaveLength(1);
    expect(day3.length).toBe(day3Before.length - 1);

    // The client reads the plan and cannot change it; another workspace's plan list is separate.
    expect((await req('GET', `/api/growth-plans/${plan.id}`, client)).status).toBe(200);
    expect((await req('PATCH', `/api/growth-plans/${plan.id}/tasks/${first.id}`, client, { done: false })).status).toBe(403);
    expect((await req('GET', '/api/growth-plans', client)).body.data.map((p: { id: string }) => p.id)).toEqual([plan.id]);
    const yogaPlan = await req('POST', `/api/accounts/${yoga}/growth-plans`, owner, { days: 7 });
    expect(yogaPlan.status).toBe(201);
    expect((await req('GET', `/api/growth-plans/${yogaPlan.body.id}`, client)).status).toBe(404);

    const pdf = await t.request('GET', `/api/growth-plans/${plan.id}/pdf`, { host: acme, token: owner });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.body).slice(0, 5)).toBe('%PDF-');
  });

  it('refunds a timeout and a malformed answer with a clear error, and blocks when credits run out', async () => {
    await configureAi(true);
    const before = await balance();
    ai.mode = 'timeout';
    const slow = await req('POST', `/api/accounts/${bakery}/generations`, owner, { kind: 'hook', options: {} });
    expect(slow.status).toBe(504);
    expect(slow.body).toMatchObject({ error: 'ai_timeout', message: expect.stringContaining('Nothing was charged') });
    expect(await balance()).toBe(before);
    ai.mode = 'malformed';
    const bad = await req('POST', `/api/accounts/${bakery}/generations`, owner, { kind: 'hook', options: {} });
    expect(bad.status).toBe(502);
    expect(bad.body).toMatchObject({ error: 'ai_malformed', message: expect.stringContaining('Nothing was charged') });
    expect(await balance()).toBe(before);
    ai.mode = 'error';
    const broken = await req('POST', `/api/accounts/${bakery}/generations`, owner, { kind: 'hook', options: {} });
    expect(broken.status).toBe(502);
    expect(broken.body).toMatchObject({ error: 'ai_unavailable', message: expect.stringContaining('500') });
    expect(await balance()).toBe(before);
    const failed = await t.sql<{ status: string; n: string }>(`select status, count(*) as n from ${await t.schemaOf('acme')}.content_generations where source = 'ai' group by status order by status`);
    expect(failed).toEqual(expect.arrayContaining([{ status: 'failed', n: '3' }]));
    const refunds = await t.sql<{ n: string }>(`select count(*) as n from ${await t.schemaOf('acme')}.credit_ledger where kind = 'refund'`);
    expect(Number(refunds[0].n)).toBe(3);

    ai.mode = 'ok';
    ai.answers.hook = { items: [{ text: 'Stop scrolling, smell the bread.', style: 'bold claim' }] };
    for (let left = await balance(); left > 0; left--) expect((await req('POST', `/api/accounts/${bakery}/generations`, owner, { kind: 'hook', options: {} })).status).toBe(200);
    const out = await req('POST', `/api/accounts/${bakery}/generations`, owner, { kind: 'hook', options: {} });
    expect(out.status).toBe(402);
    expect(out.body).toMatchObject({ error: 'credits_exhausted', message: expect.stringContaining('credit pack') });
    await configureAi(false);
  });

  it('seeds the demo workspace with a brand voice, library items (offline) and a 30-day plan', async () => {
    const { created } = await seedFromManifest(t.app, 'tenants/demo/tenant.json');
    expect(created).toBe(true);
    const [{ schema_name: schema }] = await t.sql<{ schema_name: string }>(`select schema_name from control.tenants where slug = 'demo'`);
    expect(await t.sql(`select niche, time_zone from "${schema}".brand_voices`)).toEqual([{ niche: 'specialty coffee and brunch', time_zone: 'Europe/Lisbon' }]);
    const items = await t.sql<{ kind: string; source: string; status: string }>(`select kind, source, status from "${schema}".content_items order by kind`);
    expect(items.map((i) => i.kind)).toEqual(['caption', 'hashtags', 'hook', 'reel_idea']);
    expect(items.every((i) => i.source === 'offline')).toBe(true);
    expect(items.find((i) => i.kind === 'caption')?.status).toBe('approved');
    const [plan] = await t.sql<{ days: number; tasks: string }>(`select p.days, (select count(distinct day) from "${schema}".growth_plan_tasks t where t.plan_id = p.id) as tasks from "${schema}".growth_plans p`);
    expect(plan).toEqual({ days: 30, tasks: '30' });
  });
});
