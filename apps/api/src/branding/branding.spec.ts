import { contrastRatio, contrastWarnings } from './contrast.js';
import { checkImage } from './image-check.js';
import { sanitizeSvg } from './svg-sanitize.js';
import { judge } from '../domains/domains.service.js';

describe('contrast (WCAG)', () => {
  it('computes the known extremes and flags only pairs below AA', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 1);
    expect(contrastWarnings('#0e7490', '#c2410c')).toEqual([]);
    const w = contrastWarnings('#fde047', '#0e7490');
    expect(w.map((x) => x.fields)).toEqual([['primaryColor']]);
  });
});

describe('sanitizeSvg', () => {
  it('keeps drawing and drops scripts, handlers, foreign content and outside references', () => {
    const r = sanitizeSvg('<svg viewBox="0 0 10 20" onload="x()"><a href="https://e.test"><path d="M0 0"/></a><use href="#p"/><rect fill="url(#g)" style="fill:url(https://e.test)"/><style>@import url(https://e.test)</style></svg>');
    expect(r).toMatchObject({ ok: true, width: 10, height: 20, changed: true });
    const svg = (r as { svg: string }).svg;
    expect(svg).toContain('<use href="#p"/>');
    expect(svg).toContain('fill="url(#g)"');
    for (const bad of ['onload', 'e.test', '<a', '<style', '@import', '<path']) expect(svg).not.toContain(bad);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('refuses what it cannot judge', () => {
    expect(sanitizeSvg('<svg width="1" height="1"><![CDATA[x]]></svg>').ok).toBe(false);
    expect(sanitizeSvg('<svg width="10" height="10"><g></svg>').ok).toBe(false);
    expect(sanitizeSvg('<html><svg/></html>').ok).toBe(false);
    expect(sanitizeSvg('<svg><rect/></svg>').ok).toBe(false);
    expect(sanitizeSvg('<svg width="10" height="10" xmlns="http://evil.test"><rect/></svg>')).toMatchObject({ ok: true, changed: true });
  });
});

describe('checkImage', () => {
  it('decides by content, not by what the upload claims', () => {
    expect(() => checkImage('logo', Buffer.from('%PDF-1.7'))).toThrow(/not a PNG, JPEG or SVG/);
    expect(() => checkImage('favicon', Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 32, 0, 32, 3, 0, 0, 0, 0]))).toThrow(/must be PNG or SVG/);
    const jpeg = checkImage('logo', Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 40, 0, 80, 3, 0, 0, 0, 0]));
    expect(jpeg).toMatchObject({ ext: 'jpg', width: 80, height: 40 });
  });
});

describe('domain verification verdict', () => {
  const row = { hostname: 'g.example.com', verificationToken: 'abc' };
  it('needs the exact TXT token and says what is missing', () => {
    expect(judge(row, { txt: [], cname: [] }, 'edge.test')).toMatchObject({ verified: false, reason: expect.stringContaining('No TXT record') });
    expect(judge(row, { txt: ['instagrowth-verify=zzz'], cname: ['edge.test'] }, 'edge.test')).toMatchObject({ verified: false, reason: expect.stringContaining('different token') });
    expect(judge(row, { txt: ['instagrowth-verify=abc'], cname: ['edge.test'] }, 'edge.test')).toEqual({ verified: true, reason: null });
    expect(judge(row, { txt: ['instagrowth-verify=abc'], cname: [] }, 'edge.test')).toMatchObject({ verified: true, reason: expect.stringContaining('CNAME') });
  });
});
