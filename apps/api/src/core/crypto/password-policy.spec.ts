import { passwordWeakness } from './password-policy.js';

describe('passwordWeakness (NIST 800-63B)', () => {
  it('refuses common, repetitive and blank passwords', () => {
    expect(passwordWeakness('1234567890')).toMatch(/common/);
    expect(passwordWeakness('Password123')).toMatch(/common/);
    expect(passwordWeakness('qwertyuiop')).toMatch(/common/);
    expect(passwordWeakness('zzzzzzzzzzzz')).toMatch(/repeat/);
    expect(passwordWeakness('          ')).toMatch(/spaces/);
  });

  it("refuses the user's own e-mail and its local part", () => {
    expect(passwordWeakness('ivy.owner@initech.test', 'ivy.owner@initech.test')).toMatch(/e-mail/);
    expect(passwordWeakness('IVY.OWNER@INITECH.TEST', 'ivy.owner@initech.test')).toMatch(/e-mail/);
    expect(passwordWeakness('ivy.owner1!', 'ivy.owner@initech.test')).toMatch(/e-mail/);
  });

  it('imposes no composition rules: long passphrases pass', () => {
    expect(passwordWeakness('correct horse battery staple', 'ivy@initech.test')).toBeNull();
    expect(passwordWeakness('alllowercaseletters', 'ivy@initech.test')).toBeNull();
    expect(passwordWeakness('ivy.owner loves sourdough', 'ivy.owner@initech.test')).toBeNull();
  });
});
