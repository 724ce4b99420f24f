import { deletionDate } from './console.dto.js';
import { likePattern } from './console.repository.js';

describe('console helpers', () => {
  it('treats % and _ typed in a search as literal characters', () => {
    expect(likePattern('50%_off')).toBe('%50\\%\\_off%');
    expect(likePattern('a\\b')).toBe('%a\\\\b%');
    expect(likePattern('acme')).toBe('%acme%');
  });

  it('deletes after exactly the grace period', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    expect(deletionDate(now, 14).toISOString()).toBe('2026-12-17T10:00:00.000Z');
  });
});
