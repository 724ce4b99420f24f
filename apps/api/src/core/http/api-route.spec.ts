import { Reflector } from '@nestjs/core';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of } from 'rxjs';
import { z } from 'zod';
import { ApiRoute, ROUTE_DOC_KEY } from './api-route.js';
import { ResponseContractError, ZodResponseInterceptor } from './response.interceptor.js';

const itemSchema = z.object({ id: z.string(), name: z.string() });

class Routes {
  @ApiRoute({ summary: 'One item', responses: { 200: itemSchema }, errors: { 404: ['not_found'] } })
  item() {
    return { id: 'a', name: 'A' };
  }

  @ApiRoute({ summary: 'Health', responses: { 200: z.object({ ok: z.literal(true) }), 503: z.object({ ok: z.literal(false), why: z.string() }) } })
  health() {
    return { ok: true as const };
  }

  @ApiRoute({ summary: 'Delete', responses: { 204: null } })
  remove(): void {}
}

function context(handler: object, statusCode = 200): ExecutionContext {
  const http = { getResponse: () => ({ statusCode, sent: false }), getRequest: () => ({ method: 'GET', url: '/x', routeOptions: { url: '/x' } }) };
  return { getHandler: () => handler, getClass: () => Routes, switchToHttp: () => http } as unknown as ExecutionContext;
}
const answer = (body: unknown): CallHandler => ({ handle: () => of(body) });
const run = (handler: object, body: unknown, status?: number) => lastValueFrom(new ZodResponseInterceptor(new Reflector()).intercept(context(handler, status), answer(body)));

describe('@ApiRoute and the response interceptor', () => {
  it('stores the route doc for OpenAPI and the route-table test', () => {
    const doc = Reflect.getMetadata(ROUTE_DOC_KEY, Routes.prototype.item);
    expect(doc).toEqual(expect.objectContaining({ summary: 'One item', errors: { 404: ['not_found'] } }));
  });

  it('strips keys the contract does not name, so entity fields never leak', async () => {
    await expect(run(Routes.prototype.item, { id: 'a', name: 'A', passwordHash: 'secret' })).resolves.toEqual({ id: 'a', name: 'A' });
  });

  it('refuses an answer outside the contract (a bug, answered as a 500 by the filter)', async () => {
    await expect(run(Routes.prototype.item, { id: 1 })).rejects.toBeInstanceOf(ResponseContractError);
    await expect(run(Routes.prototype.item, { id: 1 })).rejects.toThrow(/GET \/x answered 200 outside its response schema: id/);
  });

  it('uses the schema of the status the handler set', async () => {
    await expect(run(Routes.prototype.health, { ok: false, why: 'db down', extra: 1 }, 503)).resolves.toEqual({ ok: false, why: 'db down' });
    await expect(run(Routes.prototype.health, { ok: false }, 200)).rejects.toBeInstanceOf(ResponseContractError);
  });

  it('passes through routes without a JSON body and routes without @ApiRoute', async () => {
    await expect(run(Routes.prototype.remove, undefined, 204)).resolves.toBeUndefined();
    const bare = () => ({ anything: true });
    await expect(run(bare, { anything: true })).resolves.toEqual({ anything: true });
  });
});
