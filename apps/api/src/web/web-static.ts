import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantResolver } from '../core/tenancy/tenant-resolver.service.js';

/**
 * Serves the built SPA from the same origin as the API, for every host. Page loads are answered
 * with the app shell, with the status the host deserves (404 unknown workspace, 403 suspended),
 * so the page and crawlers agree with the API.
 */
export async function serveWebApp(app: NestFastifyApplication, distDir: string): Promise<boolean> {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const shell = readFileSync(indexFile, 'utf8');
  const resolver = app.get(TenantResolver);
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: false, maxAge: '1h', immutable: false });

  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return reply.status(404).send({ error: 'not_found', message: `No API route ${request.method} ${request.url.split('?')[0].slice(0, 200)}.` });
    }
    const host = await resolver.resolve(request.headers.host);
    const status = host.realm === 'unknown' ? 404 : host.realm === 'workspace' && host.tenant.status === 'suspended' ? 403 : 200;
    return reply.status(status).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(shell);
  };
  fastify.get('/', page);
  fastify.get('/*', page);
  return true;
}
