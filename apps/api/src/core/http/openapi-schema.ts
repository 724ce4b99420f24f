import type { SchemaObject } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';

/**
 * zod 4 → OpenAPI 3 schema object (the bridge every decorator uses). `input` documents what a client
 * may send (before defaults and transforms), `output` what the API answers.
 */
export function toOpenApiSchema(schema: ZodType, io: 'input' | 'output'): SchemaObject {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;
  delete json.$schema;
  return json as SchemaObject;
}
