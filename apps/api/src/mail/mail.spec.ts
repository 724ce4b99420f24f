import { formatSender, headerSafe, renderMail, type MailBrand } from '../core/mail/mail-renderer.js';
import { MAIL_TEMPLATES, templateDef } from '../core/mail/mail.templates.js';
import { signUnsubscribe, verifyUnsubscribe } from '../core/mail/unsubscribe-token.js';
import { addDays, daysBetween, localParts, previousMonth } from './local-time.js';

const brand: MailBrand = { name: 'Acme <Agency>', logoUrl: null, primaryColor: '#0ea5e9', footer: null, showPoweredBy: true };
const links = { unsubscribeUrl: 'https://acme.example/unsubscribe?token=t', preferencesUrl: 'https://acme.example/settings/mail' };

describe('mail templates', () => {
  it('every template renders its sample in HTML and text, with the layout', () => {
    for (const def of MAIL_TEMPLATES.values()) {
      const out = renderMail(def, def, def.sample, brand, links);
      expect(out.subject.length).toBeGreaterThan(3);
      expect(out.subject).not.toMatch(/[\r\n]/);
      expect(out.html).toContain('<!doctype html>');
      expect(out.html).toContain('#0ea5e9');
      expect(out.text.length).toBeGreaterThan(10);
    }
  });

  it('escapes every variable in HTML and never lets CR/LF into the subject', () => {
    const out = renderMail(templateDef('welcome'), templateDef('welcome'), { name: '<script>alert(1)</script>\r\nBcc: x@evil.test', url: 'https://x.test/"><img>' }, brand, links);
    expect(out.html).not.toContain('<script>');
    expect(out.html).toContain('&lt;script&gt;');
    expect(out.html).not.toContain('"><img>');
    expect(out.html).toContain('Acme &lt;Agency&gt;');
    const subject = renderMail(templateDef('invitation'), templateDef('invitation'), { inviter: 'Eve\r\nBcc: x@evil.test', role: 'admin', url: 'u' }, brand, links).subject;
    expect(subject).toBe('Eve Bcc: x@evil.test invited you to Acme <Agency>');
  });

  it('adds the unsubscribe link only when one is given (optional categories)', () => {
    const def = templateDef('weekly-digest');
    expect(renderMail(def, def, def.sample, brand, links).text).toContain('Unsubscribe from reports and digests: https://acme.example/unsubscribe?token=t');
    expect(renderMail(def, def, def.sample, brand, { unsubscribeUrl: null, preferencesUrl: null }).html).not.toContain('Unsubscribe');
  });

  it('sender names cannot carry line breaks, quotes or a second address', () => {
    expect(formatSender('Evil\r\nBcc: a@b.test', 'hello@x.test')).toBe('"Evil Bcc: a@b.test" <hello@x.test>');
    expect(formatSender('"Quoted" <x@y>', 'InstaGrowth <hello@x.test>')).toBe('"Quoted x@y" <hello@x.test>');
    expect(headerSafe('a\u2028b\nc')).toBe('a b c');
  });
});

describe('unsubscribe tokens', () => {
  it('round-trip, and refuse a changed category or a foreign secret', () => {
    const token = signUnsubscribe('s'.repeat(48), { t: 3, e: 'a@b.test', c: 'reports' });
    expect(verifyUnsubscribe('s'.repeat(48), token)).toEqual({ t: 3, e: 'a@b.test', c: 'reports' });
    expect(verifyUnsubscribe('x'.repeat(48), token)).toBeNull();
    const [, sig] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ t: 3, e: 'a@b.test', c: 'alerts' })).toString('base64url')}.${sig}`;
    expect(verifyUnsubscribe('s'.repeat(48), forged)).toBeNull();
    expect(verifyUnsubscribe('s'.repeat(48), 'garbage')).toBeNull();
  });
});

describe('local time', () => {
  it('reads wall-clock parts in the workspace zone', () => {
    const at = new Date('2026-11-30T23:30:00Z'); // Monday in UTC, Tuesday in Tokyo
    expect(localParts(at, 'UTC')).toMatchObject({ date: '2026-11-30', hour: 23, weekday: 1 });
    expect(localParts(at, 'Asia/Tokyo')).toMatchObject({ date: '2026-12-01', hour: 8, weekday: 2, day: 1, month: '2026-12' });
    expect(localParts(at, 'Not/AZone').date).toBe('2026-11-30');
  });

  it('adds days, counts days, names the previous month', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(previousMonth('2027-01')).toEqual({ key: '2026-12', label: 'December 2026' });
  });
});
