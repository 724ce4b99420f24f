import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { z, ZodType } from 'zod';
import { toOpenApiSchema } from './openapi-schema.js';

export const ROUTE_DOC_KEY = 'ig:route-doc';

/** A body that is not JSON (an HTML page, a text challenge, a redirect): documented, never parsed. */
export interface OtherResponse {
  description: string;
  contentType?: string;
  schema?: ZodType;
}

/** Status → the zod schema of the JSON body, `null` for no body (204), or a non-JSON answer. */
export type RouteResponses = { readonly [status: number]: ZodType | null | OtherResponse };

export interface RouteDoc<R extends RouteResponses = RouteResponses> {
  /** One line for the API docs, e.g. "List the Instagram accounts you can see". */
  summary: string;
  description?: string;
  /** Every answer the route means to give on success (and, for /health, its 503). */
  responses: R;
  /**
   * The route's own error codes by status, e.g. `{ 404: ['not_found'], 409: ['account_limit_reached'] }`.
   * The guard's (401/403/404 unknown_workspace) and validation's (400 validation_failed) are added
   * to the OpenAPI document automatically from the route's access rule, realm and inputs.
   */
  errors?: { readonly [status: number]: readonly string[] };
}

type IsSuccess<K> = `${K & number}` extends `2${string}` | `3${string}` ? true : false;
type BodyOf<V> = V extends ZodType ? z.input<V> : void;
/** What the handler must return: the input type of its 2xx schemas (void for 204, redirects and non-JSON answers). */
export type SuccessBody<R extends RouteResponses> = { [K in keyof R]: IsSuccess<K> extends true ? BodyOf<R[K]> : never }[keyof R];

const isZod = (v: unknown): v is ZodType => typeof v === 'object' && v !== null && 'safeParse' in v;

/**
 * `@ApiRoute({ summary, responses, errors })` on every route: the summary, the response schemas and
 * the route's error codes go into OpenAPI, and the response interceptor parses each answer with the
 * schema of its status (unknown keys are dropped). The handler's return type is checked against the
 * 2xx schemas at compile time. Request schemas come from `@ZodBody`/`@ZodQuery`/`@ZodParam`, which
 * document themselves.
 */
export function ApiRoute<const R extends RouteResponses>(doc: RouteDoc<R>) {
  const decorators: MethodDecorator[] = [ApiOperation({ summary: doc.summary, description: doc.description })];
  for (const [status, value] of Object.entries(doc.responses) as [string, ZodType | null | OtherResponse][]) {
    const code = Number(status);
    if (value === null) decorators.push(ApiResponse({ status: code, description: 'No content' }));
    else if (isZod(value)) decorators.push(ApiResponse({ status: code, description: describe(value, code), content: { 'application/json': { schema: toOpenApiSchema(value, 'output') } } }));
    else {
      const content = value.contentType ? { [value.contentType]: { schema: value.schema ? toOpenApiSchema(value.schema, 'output') : { type: 'string' } } } : undefined;
      decorators.push(ApiResponse({ status: code, description: value.description, content }));
    }
  }
  const apply = applyDecorators(SetMetadata(ROUTE_DOC_KEY, doc), ...decorators);
  return <F extends (...args: never[]) => SuccessBody<R> | Promise<SuccessBody<R>>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<F>): void => {
    apply(target, key, descriptor);
  };
}

function describe(schema: ZodType, status: number): string {
  return schema.description ?? (status === 201 ? 'Created' : status === 202 ? 'Accepted' : 'OK');
}
