import { z } from 'zod';
import { ApiRoute, ResponseContractError, ROUTE_DOC_KEY } from './api-route.js';

const itemSchema = z.object({ id: z.string(), name: z.string() });
const Marker = (value: string): MethodDecorator => (_target, _key, descriptor) => {
  Reflect.defineMetadata('test:marker', value, descriptor.value as object);
};

class Routes {
  answer: unknown = { id: 'a', name: 'A' };

  @ApiRoute({ summary: 'One item', responses: { 200: itemSchema }, errors: { 404: ['not_found'] } })
  @Marker('below')
  async item(): Promise<z.input<typeof itemSchema>> {
    return this.answer as z.input<typeof itemSchema>;
  }

  @ApiRoute({ summary: 'Same item, synchronously', responses: { 200: itemSchema } })
  itemSync(): z.input<typeof itemSchema> {
    return this.answer as z.input<typeof itemSchema>;
  }

  @ApiRoute({ summary: 'Delete', responses: { 204: null } })
  remove(): void {
    // Nothing to answer; the wrapper must leave it alone.
  }
}

describe('@ApiRoute', () => {
  it('stores the route doc for OpenAPI and keeps metadata of the decorators below it', () => {
    expect(Reflect.getMetadata(ROUTE_DOC_KEY, Routes.prototype.item)).toEqual(expect.objectContaining({ summary: 'One item', errors: { 404: ['not_found'] } }));
    expect(Reflect.getMetadata('test:marker', Routes.prototype.item)).toBe('below');
    expect(Routes.prototype.item.name).toBe('item');
  });

  it('strips keys the contract does not name, so entity fields never leak', async () => {
    const routes = Object.assign(new Routes(), { answer: { id: 'a', name: 'A', passwordHash: 'secret' } });
    await expect(routes.item()).resolves.toEqual({ id: 'a', name: 'A' });
    expect(routes.itemSync()).toEqual({ id: 'a', name: 'A' });
  });

  it('refuses an answer outside the contract (a bug, answered as a 500 by the filter)', async () => {
    const routes = Object.assign(new Routes(), { answer: { id: 1 } });
    await expect(routes.item()).rejects.toBeInstanceOf(ResponseContractError);
    await expect(routes.item()).rejects.toThrow(/Routes\.item answered outside its response schema: id .*; name/);
    expect(() => routes.itemSync()).toThrow(ResponseContractError);
  });

  it('leaves routes without a JSON body alone', () => {
    expect(new Routes().remove()).toBeUndefined();
  });

  it('refuses one route declaring different JSON schemas for different statuses', () => {
    expect(() => ApiRoute({ summary: 'Two shapes', responses: { 200: itemSchema, 503: z.object({ down: z.boolean() }) } })).toThrow(/same schema/);
  });
});
