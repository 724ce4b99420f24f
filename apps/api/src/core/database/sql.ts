/**
 * A tagged SQL template whose table names are qualified by the code that runs it, never by the
 * code that writes it: `sql\`select * from ${tenantTable('users')} where id = ${id}\``. Values
 * become `$n` parameters (sent apart from the text, so PostgreSQL plans once); tables become
 * `"t_xx"."users"` for the tenant being served, or `"control"."…"` for the registry.
 */
import { quoteSchema } from './schema-name.js';
import type { ControlTableName, TenantTableName } from './tables.generated.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A table in the current tenant's schema. */
export class TenantTable {
  constructor(readonly name: string) {
    if (!IDENTIFIER.test(name)) throw new Error(`Refusing unexpected table name ${name}`);
  }
}

/** A table in the control schema. */
export class ControlTable {
  constructor(readonly name: string) {
    if (!IDENTIFIER.test(name)) throw new Error(`Refusing unexpected table name ${name}`);
  }
}

/** Trusted SQL text spliced as is (a column list, an ORDER BY picked from a fixed set). Never user input. */
export class RawSql {
  constructor(readonly text: string) {}
}

export class SqlQuery {
  constructor(
    readonly strings: readonly string[],
    readonly parts: readonly unknown[],
  ) {}

  /** Text with `$n` placeholders and its values, for the schema being served. */
  compile(schemaName: string | null): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.render(schemaName, values);
    return { text, values };
  }

  private render(schemaName: string | null, values: unknown[]): string {
    let text = this.strings[0];
    this.parts.forEach((part, i) => {
      text += renderPart(part, schemaName, values) + this.strings[i + 1];
    });
    return text;
  }

  /** @internal nested fragments share the outer query's parameter numbering. */
  renderInto(schemaName: string | null, values: unknown[]): string {
    return this.render(schemaName, values);
  }
}

function renderPart(part: unknown, schemaName: string | null, values: unknown[]): string {
  if (part instanceof TenantTable) {
    if (!schemaName) throw new Error(`Table ${part.name} needs a tenant schema: run this inside a tenant context.`);
    return `${quoteSchema(schemaName)}."${part.name}"`;
  }
  if (part instanceof ControlTable) return `"control"."${part.name}"`;
  if (part instanceof RawSql) return part.text;
  if (part instanceof SqlQuery) return part.renderInto(schemaName, values);
  values.push(part);
  return `$${values.length}`;
}

export function sql(strings: TemplateStringsArray, ...parts: unknown[]): SqlQuery {
  return new SqlQuery(strings, parts);
}

/** Joins fragments with a separator (`sql.join(conditions, ' and ')`). */
export function joinSql(fragments: readonly SqlQuery[], separator: string): SqlQuery {
  if (!fragments.length) return sql``;
  const strings = ['', ...fragments.slice(1).map(() => separator), ''];
  return new SqlQuery(strings, fragments);
}

/** Only names of tables the migrations create compile (tables.generated.ts). */
export const tenantTable = (name: TenantTableName) => new TenantTable(name);
export const controlTable = (name: ControlTableName) => new ControlTable(name);
export const rawSql = (text: string) => new RawSql(text);
