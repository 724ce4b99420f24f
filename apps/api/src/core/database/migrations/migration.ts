/**
 * A migration is an ordered, named list of SQL statements. Tenant migrations receive the quoted
 * schema name so every statement is schema-qualified: no `search_path` on pooled connections.
 */
export interface ControlMigration {
  name: string;
  up(): string[];
}

export interface TenantMigration {
  name: string;
  /** `schema` is already a quoted identifier, e.g. `"t_1a"`. */
  up(schema: string): string[];
}
