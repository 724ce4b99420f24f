/** Schema names are a pure function of the tenant id, never of user input. */
export function schemaNameFor(tenantId: number): string {
  if (!Number.isSafeInteger(tenantId) || tenantId <= 0) throw new Error(`Invalid tenant id ${tenantId}`);
  return `t_${tenantId.toString(36)}`;
}

/** Quotes a schema name produced by schemaNameFor (which can only hold [a-z0-9_]). */
export function quoteSchema(schema: string): string {
  if (!/^(t_[a-z0-9]+|control)$/.test(schema)) throw new Error(`Refusing to quote unexpected schema name ${schema}`);
  return `"${schema}"`;
}
