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
 * the route's error codes go into OpenAPI, and the handler is wrapped so its answer is parsed with
 * the route's schema (unknown keys are dropped). The handler's return type is checked against the
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
  const schema = answerSchema(doc);
  return <F extends (...args: never[]) => SuccessBody<R> | Promise<SuccessBody<R>>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<F>): void => {
    apply(target, key, descriptor);
    if (schema && descriptor.value) descriptor.value = parsingAnswers(descriptor.value, schema, `${target.constructor.name}.${String(key)}`);
  };
}

/** The one schema a route's JSON answers follow (a route answering JSON under several statuses uses one schema for all). */
function answerSchema(doc: RouteDoc): ZodType | null {
  const schemas = [...new Set(Object.values(doc.responses).filter(isZod))];
  if (schemas.length > 1) throw new Error(`@ApiRoute "${doc.summary}": every JSON answer of a route must use the same schema`);
  return schemas[0] ?? null;
}

/**
 * Wraps the handler so its answer is parsed with the route's schema before Nest sends it: keys the
 * schema does not name are dropped (an entity column never leaks by accident) and a wrong shape
 * throws ResponseContractError, which the exception filter logs and answers as a 500. A plain
 * wrapper rather than a global interceptor: one global interceptor takes every request of every route
 * off Nest's fast path and through rxjs (defer, pipe, lastValueFrom), for a 2 µs parse. Metadata the
 * decorators below this one put on the handler is copied, so Nest, the guard and Swagger see the same route.
 */
function parsingAnswers<F extends (...args: never[]) => unknown>(handler: F, schema: ZodType, route: string): F {
  const parse = (body: unknown) => {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    throw new ResponseContractError(route, result.error.issues);
  };
  const wrapped = function (this: unknown, ...args: never[]) {
    const answer = handler.apply(this, args);
    return answer instanceof Promise ? answer.then(parse) : parse(answer);
  };
  for (const metadataKey of Reflect.getOwnMetadataKeys(handler)) Reflect.defineMetadata(metadataKey, Reflect.getOwnMetadata(metadataKey, handler), wrapped);
  Object.defineProperty(wrapped, 'name', { value: handler.name });
  return wrapped as unknown as F;
}

/** A handler answered something its contract does not allow: a bug, answered as a 500. */
export class ResponseContractError extends Error {
  constructor(route: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
    super(`${route} answered outside its response schema: ${issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(body)'} ${i.message}`).join('; ')}`);
    this.name = 'ResponseContractError';
  }
}

function describe(schema: ZodType, status: number): string {
  return schema.description ?? (status === 201 ? 'Created' : status === 202 ? 'Accepted' : 'OK');
}
