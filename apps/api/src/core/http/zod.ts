import { Body, Param, Query, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { findUnsafeText } from '@instagrowth/contracts';
import type { z, ZodType } from 'zod';
import { validationFailed } from '../errors/domain-error.js';
import { toOpenApiSchema } from './openapi-schema.js';

/** The reason for a value of the wrong type, in the words the other reasons use. */
function typeReason(expected: string, sent: unknown): string {
  const what = `${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected === 'int' ? 'integer' : expected}`;
  if (sent === null) return `must be ${what}, not null`;
  if (Array.isArray(sent) && expected !== 'array') return `must be ${what} (given once, not a list)`;
  return `must be ${what}`;
}

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
      // Zod leaves `input` out of issues, so look at what was sent: only an absent value is "required";
      // a wrong type says what was expected (a query key given twice arrives as an array).
      const sent = issue.path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined), value);
      const reason = issue.code !== 'invalid_type' ? issue.message : sent === undefined ? 'is required' : issue.message.startsWith('Invalid input') ? typeReason(issue.expected, sent) : issue.message;
      fields[path] ??= reason;
    }
    throw validationFailed(fields);
  }
}

/** A parameter decorator that also puts its schema into OpenAPI (on the method it decorates). */
function documented(param: ParameterDecorator, ...docs: MethodDecorator[]): ParameterDecorator {
  return (target, key, index) => {
    param(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && descriptor) for (const doc of docs) doc(target, key, descriptor);
  };
}

/** `@ZodBody(schema)`: validation and the OpenAPI request body from the same zod schema. */
export function ZodBody<T extends ZodType>(schema: T, options: { rawTextFields?: readonly string[] } = {}): ParameterDecorator {
  return documented(Body(new ZodPipe(schema, undefined, options.rawTextFields)), ApiBody({ schema: toOpenApiSchema(schema, 'input') }));
}

/** `@ZodParam(name, schema)`: a path parameter, validated and documented. */
export function ZodParam<T extends ZodType>(name: string, schema: T): ParameterDecorator {
  return documented(Param(name, new ZodPipe(schema, name)), ApiParam({ name, required: true, schema: toOpenApiSchema(schema, 'input') }));
}

/** `@ZodQuery(objectSchema)`: the query string, validated and documented one parameter per key. */
export function ZodQuery<T extends ZodType>(schema: T): ParameterDecorator {
  const json = toOpenApiSchema(schema, 'input') as SchemaObject & { properties?: Record<string, SchemaObject>; required?: string[] };
  const docs = Object.entries(json.properties ?? {}).map(([name, property]) => ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: property }));
  return documented(Query(new ZodPipe(schema)), ...docs);
}

/** @deprecated `@ZodBody` documents the body itself; kept so older routes compile. Does nothing. */
export function ApiZodBody(_schema: ZodType): MethodDecorator {
  return () => undefined;
}
