import { applyDecorators, Body, Param, Query, type PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { findUnsafeText } from '@instagrowth/contracts';
import { z, type ZodType } from 'zod';
import { validationFailed } from '../errors/domain-error.js';

/** Parses with a zod schema; on failure a 400 naming each field and its reason. */
export class ZodPipe<T extends ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(
    private readonly schema: T,
    private readonly prefix?: string,
    /** Top-level fields whose text the handler checks itself (a CSV file: bad cells reject rows). */
    private readonly rawTextFields: readonly string[] = [],
  ) {}

  transform(value: unknown): z.infer<T> {
    // Backstop for every schema: no string anywhere in the input may carry NUL or lone surrogates.
    const checked = this.rawTextFields.length && value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => !this.rawTextFields.includes(k))) : value;
    const unsafe = findUnsafeText(checked);
    if (unsafe) throw validationFailed({ [[this.prefix, unsafe.path].filter(Boolean).join('.') || '(body)']: unsafe.reason });
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const path = [this.prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)';
      const reason = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined ? 'is required' : issue.message;
      fields[path] ??= reason;
    }
    throw validationFailed(fields);
  }
}

/** `@ZodBody(schema)`: validation and the OpenAPI request body from the same zod schema. */
export function ZodBody<T extends ZodType>(schema: T, options: { rawTextFields?: readonly string[] } = {}): ParameterDecorator {
  return Body(new ZodPipe(schema, undefined, options.rawTextFields));
}

export function ZodParam<T extends ZodType>(name: string, schema: T): ParameterDecorator {
  return Param(name, new ZodPipe(schema, name));
}

export function ZodQuery<T extends ZodType>(schema: T): ParameterDecorator {
  return Query(new ZodPipe(schema));
}

/** Documents a body schema in OpenAPI via zod 4's JSON Schema export. */
export function ApiZodBody(schema: ZodType): MethodDecorator {
  return applyDecorators(ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> }));
}
