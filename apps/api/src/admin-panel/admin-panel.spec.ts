import { maskSecret } from './admin-panel.dto.js';

describe('maskSecret', () => {
  it('shows only the last four characters of a long secret', () => {
    const masked = maskSecret('sk_live_0123456789abcdef');
    expect(masked.endsWith('cdef')).toBe(true);
    expect(masked).not.toContain('sk_live');
  });

  it('hides short secrets entirely', () => {
    expect(maskSecret('abc123')).toBe('••••••••');
  });
});
