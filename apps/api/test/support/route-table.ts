import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { ACCESS_KEY, REALM_KEY, type AccessRule, type RouteRealm } from '../../src/core/auth/decorators.js';
import { ROUTE_DOC_KEY, type RouteDoc } from '../../src/core/http/api-route.js';

export interface RouteInfo {
  method: string;
  path: string;
  controller: string;
  handler: string;
  access: AccessRule | undefined;
  realm: RouteRealm;
  params: string[];
  /** What `@ApiRoute` declared: summary, responses, error codes. */
  doc: RouteDoc | undefined;
}

const join = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;

/** Every HTTP route Nest mounted, read from the same metadata the router and the guard use. */
export function routeTable(app: INestApplication): RouteInfo[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const prefix = (Reflect.getMetadata(PATH_METADATA, metatype) as string | undefined) ?? '';
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const full = join('api', prefix, path);
      routes.push({
        method: RequestMethod[method],
        path: full,
        controller: metatype.name,
        handler: name,
        access: reflector.getAllAndOverride<AccessRule>(ACCESS_KEY, [handler as never, metatype]),
        realm: reflector.getAllAndOverride<RouteRealm>(REALM_KEY, [handler as never, metatype]) ?? 'workspace',
        params: [...full.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]),
        doc: reflector.get<RouteDoc | undefined>(ROUTE_DOC_KEY, handler as never),
      });
    }
  }
  return routes;
}
