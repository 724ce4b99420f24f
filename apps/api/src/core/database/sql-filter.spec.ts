import { describe, expect, it } from '@jest/globals';
import { compileFilter } from './sql-filter.js';

const columns = { id: 'a.id', status: 'a.status' };

describe('compileFilter', () => {
  it('compiles equality, $in, $ne and nesting into parameters', () => {
    const q = compileFilter({ $or: [{ id: { $in: ['x', 'y'] } }, { $and: [{ status: 'manual' }, { $not: { id: { $ne: 'z' } } }] }] }, columns).compile(null);
    expect(q.text).toBe('((((a.id = any($1))) or (((a.status = $2) and (not (((a.id is distinct from $3))))))))');
    expect(q.values).toEqual([['x', 'y'], 'manual', 'z']);
  });

  it('treats an empty filter as everything and an empty $or as nothing', () => {
    expect(compileFilter({}, columns).compile(null).text).toBe('true');
    expect(compileFilter({ $or: [] }, columns).compile(null).text).toBe('(false)');
  });

  it('refuses fields and operators it does not know', () => {
    expect(() => compileFilter({ ownerId: 'u1' }, columns)).toThrow(/ownerId/);
    expect(() => compileFilter({ id: { $regex: '.*' } }, columns)).toThrow(/\$regex/);
  });
});
