import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { Logger, RequestMethod, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { WsAdapter } from '@nestjs/platform-ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AppModule } from './app.module.js';
import type { AppConfig } from './core/config/config.js';
import { EMBEDDED_MAX_CONNECTIONS, EMBEDDED_OWNER_POOL, startEmbeddedPostgres, type EmbeddedPostgres } from './core/database/embedded-postgres.js';
import { MigrationRunner } from './core/database/migration-runner.js';
import { createOrm } from './core/database/orm.js';
import { addErrorResponses } from './core/http/openapi.js';
import { securityHeaders } from './core/http/security-headers.js';
import { validationFailed } from './core/errors/domain-error.js';
import { serveWebApp } from './web/web-static.js';

export interface Database {
  orm: MikroORM;
  embedded: EmbeddedPostgres | null;
  close(): Promise<void>;
}

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
export const logLevels = (level: AppConfig['logLevel']): LogLevel[] => LEVELS.slice(0, LEVELS.indexOf(level) + 1);

/** PostgreSQL from DATABASE_URL, or PGlite in-process (the embedded default). */
export async function openDatabase(config: AppConfig): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const orm = await createOrm({
    url: config.databaseUrl ?? embedded!.url,
    poolSize: embedded ? (embedded.owned ? EMBEDDED_OWNER_POOL : EMBEDDED_MAX_CONNECTIONS - EMBEDDED_OWNER_POOL) : config.databasePoolSize,
    // PGlite is in this process (nothing to be unreachable) and serialises every session: a wait there is queueing, not an outage.
    connectTimeoutMs: embedded ? undefined : config.databaseConnectTimeoutMs,
  });
  return {
    orm,
    embedded,
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}

/** The same migration code `npm run db:migrate` runs: control, then every tenant. */
export async function migrateOnBoot(db: Database, config: AppConfig): Promise<void> {
  const logger = new Logger('Migrations');
  const runner = new MigrationRunner(db.orm.em);
  const control = await runner.migrateControl();
  if (control.length) logger.log(`control: applied ${control.join(', ')}`);
  // PGlite has one session: never run tenants concurrently on it.
  const report = await runner.migrateAll({ concurrency: db.embedded ? 1 : config.migrationConcurrency });
  if (report.migrated.length) logger.log(`migrated ${report.migrated.length} of ${report.total} tenant(s)`);
  for (const f of report.failed) logger.error(`tenant ${f.slug} (${f.tenantId}) failed to migrate: ${f.error}`);
}

/** Public, person-free API documents a cache may keep. */
const isCacheableApi = (url: string) => url.startsWith('/api/docs') || url.startsWith('/api/branding/assets/');

function countHostHeaders(raw: string[]): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === 'host') n++;
  return n;
}

function parsesAsJson(body: Buffer | string): boolean {
  try {
    JSON.parse(body.toString());
    return true;
  } catch {
    return false;
  }
}

/**
 * Errors the router raises before any route runs (a path that is not valid percent-encoded UTF-8,
 * a path parameter past `maxParamLength`): the API's usual 400 `{ error, message, fields, correlationId }`
 * instead of Fastify's own body, and without echoing the (possibly huge) path back.
 */
function pathError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const correlationId = (request.headers['x-correlation-id'] as string | undefined)?.slice(0, 64) ?? randomUUID();
  const reason =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path parameter is longer than 512 characters'
    : error.code === 'FST_ERR_BAD_URL' ? 'is not valid percent-encoded UTF-8'
    : 'could not be routed';
  void reply
    .status(400)
    .header('x-correlation-id', correlationId)
    .send({ error: 'validation_failed', message: `Invalid input: (path) ${reason}`, fields: { '(path)': reason }, correlationId });
}

export const defaultWebDist = () => resolve(dirname(fileURLToPath(import.meta.url)), '../../tenant-web/dist');

export async function createHttpApp(config: AppConfig, db: Database, options: { logger?: LogLevel[] | false } = {}): Promise<NestFastifyApplication> {
  // Forwarded headers only from configured proxies; proxy-addr then takes the right-most untrusted hop.
  const adapter = new FastifyAdapter({
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    bodyLimit: 1_048_576,
    // Path parameters up to 512 characters reach the route, whose own schema names the parameter
    // (an e-mail in a path may be 254); Fastify's default of 100 answered a misleading 404/414.
    routerOptions: { maxParamLength: 512 },
    frameworkErrors: pathError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, orm: db.orm, runWorkers: true, http: true }),
    adapter,
    // rawBody: webhook signatures are checked over the exact bytes Meta sent.
    { logger: options.logger ?? logLevels(config.logLevel), bufferLogs: false, rawBody: true },
  );
  // JSON bodies: Fastify's parser (prototype poisoning refused), but a body that is valid JSON and
  // was refused for `__proto__` / `constructor.prototype` says so instead of "not valid JSON".
  const fastifyJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit: 1_048_576 }, (req, body, done) =>
    fastifyJson(req, body as unknown as string, (error: Error | null, value?: unknown) => {
      if (error && body.length && parsesAsJson(body)) done(validationFailed({ '(body)': 'must not contain the keys __proto__ or constructor.prototype' }), undefined);
      else done(error, value);
    }),
  );
  // Shared reports live at /r/<token> on the workspace host, outside the API prefix.
  app.setGlobalPrefix('api', { exclude: [{ path: 'r/:token', method: RequestMethod.GET }, { path: 'r/:token/pdf', method: RequestMethod.GET }] });
  await app.register(fastifyCookie);
  // Branding uploads; each route reads its parts with its own (smaller) limits.
  await app.register(fastifyMultipart, { limits: { fileSize: 1_048_576, files: 1, fields: 8, parts: 10 } });
  const helmetHeaders = await securityHeaders({
    // The SPA loads only its own bundles; styles include React's style attributes (charts), images
    // may come from Instagram's CDN. Swagger UI (/api/docs) needs inline scripts, so it is exempt.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.appUrl.protocol === 'https:',
    crossOriginEmbedderPolicy: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(helmetHeaders);
    done();
  });
  // Two Host headers are ambiguous (proxies and this app may each pick a different one): refuse.
  fastify.addHook('onRequest', async (request, reply) => {
    if (countHostHeaders(request.raw.rawHeaders) > 1) {
      return reply.status(400).send({ error: 'bad_request', message: 'The request has more than one Host header.' });
    }
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/docs') && !request.url.startsWith('/api/docs-json')) reply.removeHeader('content-security-policy');
    // API answers carry tokens and personal data: never stored by browsers or shared caches.
    if (request.url.startsWith('/api/') && !isCacheableApi(request.url)) reply.header('cache-control', 'no-store');
    return payload;
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('InstaGrowth OS API').setVersion('0.1.0').addBearerAuth().build(),
  );
  addErrorResponses(app, document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  const served = await serveWebApp(app, config.webDistDir ?? defaultWebDist());
  if (!served) new Logger('Web').warn('apps/tenant-web/dist is missing: run `npm run build` to serve the web app.');
  app.enableShutdownHooks();
  // The console's live activity socket (/api/admin-ws) on the same HTTP server as Fastify.
  app.useWebSocketAdapter(new WsAdapter(app));
  await app.init();
  return app;
}
