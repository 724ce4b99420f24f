import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { ZodType } from 'zod';
import { ROUTE_DOC_KEY, type RouteDoc } from './api-route.js';

/** Raised when a handler answers something its contract does not allow: a bug, answered as a 500. */
export class ResponseContractError extends Error {
  constructor(route: string, status: number, issues: { path: PropertyKey[]; message: string }[]) {
    super(`${route} answered ${status} outside its response schema: ${issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(body)'} ${i.message}`).join('; ')}`);
    this.name = 'ResponseContractError';
  }
}

interface Plan {
  byStatus: Map<number, ZodType | null>;
  /** The route's first 2xx JSON schema: Nest sets @HttpCode after the interceptor runs. */
  fallback: ZodType | null;
}

const isZod = (v: unknown): v is ZodType => typeof v === 'object' && v !== null && 'safeParse' in v;

/**
 * Parses every answer with its route's response schema (`@ApiRoute`): unknown keys are stripped, so
 * a column added to an entity never reaches a client by accident, and a wrong shape is a logged 500
 * instead of a silent contract break. Routes without a schema (non-JSON answers) pass through.
 */
@Injectable()
export class ZodResponseInterceptor implements NestInterceptor {
  private readonly plans = new WeakMap<object, Plan | null>();

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const plan = this.plan(context.getHandler());
    if (!plan) return next.handle();
    return next.handle().pipe(
      map((body: unknown) => {
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        if (reply.sent) return body;
        const schema = plan.byStatus.has(reply.statusCode) ? plan.byStatus.get(reply.statusCode)! : plan.fallback;
        if (!schema) return body;
        const result = schema.safeParse(body);
        if (result.success) return result.data;
        const request = context.switchToHttp().getRequest<FastifyRequest>();
        throw new ResponseContractError(`${request.method} ${request.routeOptions.url ?? request.url}`, reply.statusCode, result.error.issues);
      }),
    );
  }

  private plan(handler: object): Plan | null {
    let plan = this.plans.get(handler);
    if (plan !== undefined) return plan;
    const doc = this.reflector.get<RouteDoc | undefined>(ROUTE_DOC_KEY, handler as never);
    plan = null;
    if (doc) {
      const byStatus = new Map<number, ZodType | null>();
      let fallback: ZodType | null = null;
      for (const [status, value] of Object.entries(doc.responses)) {
        const schema = isZod(value) ? value : null;
        byStatus.set(Number(status), schema);
        if (!fallback && schema && status.startsWith('2')) fallback = schema;
      }
      plan = { byStatus, fallback };
    }
    this.plans.set(handler, plan);
    return plan;
  }
}
