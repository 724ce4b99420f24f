import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger';
import { apiErrorSchema } from '@instagrowth/contracts';
import { ACCESS_KEY, REALM_KEY, type AccessRule, type RouteRealm } from '../auth/decorators.js';
import { ROUTE_DOC_KEY, type RouteDoc } from './api-route.js';
import { toOpenApiSchema } from './openapi-schema.js';

type ErrorCodes = Map<number, Set<string>>;

/** Errors every route of a kind can answer, added so no route has to repeat them. */
function inheritedErrors(access: AccessRule | undefined, realm: RouteRealm, hasInput: boolean): ErrorCodes {
  const codes: ErrorCodes = new Map();
  const add = (status: number, code: string) => codes.set(status, (codes.get(status) ?? new Set()).add(code));
  if (hasInput) add(400, 'validation_failed');
  if (access?.kind === 'authenticated' || access?.kind === 'policy') ['invalid_token', 'wrong_workspace'].forEach((c) => add(401, c));
  if (access?.kind === 'admin') add(401, 'invalid_token');
  if (access?.kind === 'policy') add(403, 'forbidden');
  if (realm === 'workspace') {
    add(404, 'unknown_workspace');
    add(403, 'workspace_suspended');
  }
  return codes;
}

const errorBodySchema = toOpenApiSchema(apiErrorSchema, 'output') as { properties: Record<string, object> };

/**
 * Adds each route's error answers to the generated document: its own codes from `@ApiRoute({ errors })`
 * merged with the ones its guard rule, realm and validated inputs imply, one response per status with
 * the error body schema and `error` restricted to those codes.
 */
export function addErrorResponses(app: INestApplication, document: OpenAPIObject): void {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const operations = new Map<string, OperationObject>();
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as OperationObject[]) if (op && typeof op === 'object' && op.operationId) operations.set(op.operationId, op);
  }
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const op = operations.get(`${metatype.name}_${name}`);
      if (!op) continue;
      const handler = (instance as Record<string, object>)[name];
      const doc = reflector.get<RouteDoc | undefined>(ROUTE_DOC_KEY, handler as never);
      const access = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler as never, metatype]);
      const realm = reflector.getAllAndOverride<RouteRealm | undefined>(REALM_KEY, [handler as never, metatype]) ?? 'workspace';
      const hasInput = Boolean(op.requestBody) || (op.parameters ?? []).length > 0;
      const codes = inheritedErrors(access, realm, hasInput);
      for (const [status, list] of Object.entries(doc?.errors ?? {})) for (const code of list) codes.set(Number(status), (codes.get(Number(status)) ?? new Set()).add(code));
      for (const [status, set] of [...codes].sort(([a], [b]) => a - b)) {
        const errors = [...set].sort();
        op.responses[String(status)] = {
          description: `Error: ${errors.map((e) => `\`${e}\``).join(', ')}`,
          content: { 'application/json': { schema: { ...errorBodySchema, properties: { ...errorBodySchema.properties, error: { type: 'string', enum: errors } } } } },
        };
      }
      if (access && access.kind !== 'public') op.security = [{ bearer: [] }];
    }
  }
}
