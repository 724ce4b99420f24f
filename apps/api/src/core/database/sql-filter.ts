/**
 * Compiles a CASL list filter (core/auth/casl-filter.ts: `{ field: value | { $in, $eq, $ne, $nin } }`
 * joined with `$and`, `$or`, `$not`) into a `sql` fragment over named columns, so list queries run
 * as one raw statement instead of an ORM find. Unknown fields and operators throw: a filter we do
 * not understand must never widen what a user sees.
 */
import { joinSql, rawSql, sql, type SqlQuery } from './sql.js';

type Filter = Record<string, unknown>;
const COLUMN = /^[a-z_][a-z0-9_.]*$/;

export function compileFilter(filter: Filter, columns: Readonly<Record<string, string>>): SqlQuery {
  const parts: SqlQuery[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or') {
      const list = (value as Filter[]).map((f) => compileFilter(f, columns));
      if (!list.length) parts.push(sql`${rawSql(key === '$and' ? 'true' : 'false')}`);
      else parts.push(sql`(${joinSql(list, key === '$and' ? ' and ' : ' or ')})`);
    } else if (key === '$not') {
      parts.push(sql`not (${compileFilter(value as Filter, columns)})`);
    } else {
      const column = columns[key];
      if (!column || !COLUMN.test(column)) throw new Error(`Cannot compile a filter on ${key}`);
      parts.push(compileField(rawSql(column), value));
    }
  }
  return parts.length ? sql`(${joinSql(parts, ' and ')})` : sql`true`;
}

function compileField(column: ReturnType<typeof rawSql>, value: unknown): SqlQuery {
  if (value === null) return sql`${column} is null`;
  if (typeof value !== 'object' || value instanceof Date) return sql`${column} = ${value}`;
  const parts: SqlQuery[] = [];
  for (const [op, operand] of Object.entries(value as Filter)) {
    if (op === '$eq') parts.push(operand === null ? sql`${column} is null` : sql`${column} = ${operand}`);
    else if (op === '$ne') parts.push(operand === null ? sql`${column} is not null` : sql`${column} is distinct from ${operand}`);
    else if (op === '$in') parts.push(sql`${column} = any(${operand as unknown[]})`);
    else if (op === '$nin') parts.push(sql`not (${column} = any(${operand as unknown[]}))`);
    else throw new Error(`Cannot compile filter operator ${op}`);
  }
  return parts.length ? sql`(${joinSql(parts, ' and ')})` : sql`true`;
}
