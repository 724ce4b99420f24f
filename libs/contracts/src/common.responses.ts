import { z } from 'zod';

/**
 * Response schemas shared by every domain. Response schemas describe what the API answers; the API
 * parses each answer with its route's schema before sending it (unknown keys are dropped, so an
 * entity field added later never leaks), OpenAPI shows them, and the web client parses with them.
 */

/** The body of every error the API answers: `{ error, message, fields?, correlationId }`. */
export const apiErrorSchema = z.object({
  error: z.string().describe('stable machine-readable code, e.g. `validation_failed`, `not_found`'),
  message: z.string().describe('a sentence for the user'),
  fields: z.record(z.string(), z.string()).optional().describe('per-field reasons (400 validation errors)'),
  correlationId: z.string().describe('quote it to support; also in the x-correlation-id header'),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** An ISO 8601 UTC instant as `Date#toISOString()` writes it. */
export const isoDateTimeSchema = z.iso.datetime();
/** A calendar day, `YYYY-MM-DD`. */
export const isoDaySchema = z.iso.date();

/** `{ data: T[] }`, the shape of every list answer. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });
export type ListResponse<T> = { data: T[] };
