/**
 * Every error the API means to show a user. The code is stable (clients switch on it); one global
 * filter maps it to an HTTP status and adds a correlation id.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badRequest = (code: string, message: string, fields?: Record<string, string>) =>
  new DomainError(code, 400, message, fields);
export const validationFailed = (fields: Record<string, string>) =>
  new DomainError(
    'validation_failed',
    400,
    `Invalid input: ${Object.entries(fields)
      .map(([k, v]) => `${k} ${v}`)
      .join('; ')}`,
    fields,
  );
export const unauthorized = (code = 'unauthorized', message = 'Sign in to continue.') => new DomainError(code, 401, message);
export const forbidden = (message = 'You do not have permission to do that.') => new DomainError('forbidden', 403, message);
/** Not-yours and not-found answer the same, so ids of other workspaces leak nothing. */
export const notFound = (what = 'Resource') => new DomainError('not_found', 404, `${what} not found.`);
export const conflict = (code: string, message: string, fields?: Record<string, string>) =>
  new DomainError(code, 409, message, fields);
export const tooManyRequests = (retryAfterSeconds: number, message: string) =>
  new DomainError('too_many_attempts', 429, message, undefined, { 'retry-after': String(retryAfterSeconds) });
