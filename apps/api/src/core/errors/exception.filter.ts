import { randomUUID } from 'node:crypto';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { DomainError } from './domain-error.js';

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_attempts',
};

/** One place that turns anything thrown into `{ error, message, fields?, correlationId }`. No stacks, no secrets. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const correlationId = (request.headers['x-correlation-id'] as string | undefined)?.slice(0, 64) ?? randomUUID();
    const { status, body, headers } = this.describe(exception);
    if (status === 503 && body.error === 'database_unavailable') {
      // An outage, not a bug: one line, no stack (the pool reconnects by itself).
      this.logger.warn(`${request.method} ${request.url.split('?')[0]} answered 503: database unavailable [${correlationId}] ${(exception as Error)?.message ?? ''}`);
    } else if (exception instanceof DomainError) {
      // Expected answers (not configured, limits, …): one line, no stack; the code says it all.
      if (status >= 500) this.logger.warn(`${request.method} ${request.url.split('?')[0]} ${status} ${exception.code} [${correlationId}]`);
    } else if (status >= 500) {
      this.logger.error(`${request.method} ${request.url.split('?')[0]} failed [${correlationId}]`, exception instanceof Error ? exception.stack : String(exception));
    }
    for (const [k, v] of Object.entries(headers ?? {})) reply.header(k, v);
    reply.header('x-correlation-id', correlationId);
    void reply.status(status).send({ ...body, correlationId });
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown>; headers?: Record<string, string> } {
    if (exception instanceof DomainError) {
      return {
        status: exception.status,
        body: { error: exception.code, message: exception.message, ...(exception.fields ? { fields: exception.fields } : {}) },
        headers: exception.headers,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return { status, body: { error: STATUS_CODES[status] ?? 'error', message: Array.isArray(message) ? message.join('; ') : String(message) } };
    }
    // Fastify's own errors (body too large, bad JSON, wrong content type) carry a statusCode.
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const status = fastifyError.statusCode;
      const message = fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(fastifyError.message ?? '')
        ? 'The request body is not valid JSON.'
        : (fastifyError.message ?? 'Bad request');
      return { status, body: { error: STATUS_CODES[status] ?? 'bad_request', message } };
    }
    if (isDatabaseUnavailable(exception)) {
      return { status: 503, body: { error: 'database_unavailable', message: 'The database is unavailable right now. Try again in a few seconds.' }, headers: { 'retry-after': '5' } };
    }
    return { status: 500, body: { error: 'internal_error', message: 'Something went wrong on our side. Quote the correlation id if you contact support.' } };
  }
}
