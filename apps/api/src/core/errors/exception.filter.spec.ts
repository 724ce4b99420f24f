import { Logger, type ArgumentsHost } from '@nestjs/common';
import { jest } from '@jest/globals';
import { DomainError } from './domain-error.js';
import { GlobalExceptionFilter } from './exception.filter.js';

function hostFor() {
  const reply = { header: jest.fn(), status: jest.fn(() => reply), send: jest.fn() };
  const request = { method: 'GET', url: '/api/instagram/auth/url?x=1', headers: {} };
  const host = { switchToHttp: () => ({ getResponse: () => reply, getRequest: () => request }) } as unknown as ArgumentsHost;
  return { host, reply };
}

describe('GlobalExceptionFilter logging', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs an expected domain error as one line without a stack', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { host, reply } = hostFor();
    new GlobalExceptionFilter().catch(new DomainError('instagram_not_configured', 503, 'not configured'), host);
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toHaveLength(1);
    const line = String(warn.mock.calls[0][0]);
    expect(line).toContain('instagram_not_configured');
    expect(line).not.toContain('\n');
    expect(reply.status).toHaveBeenCalledWith(503);
  });

  it('keeps the stack for unexpected errors', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { host } = hostFor();
    const boom = new Error('boom');
    new GlobalExceptionFilter().catch(boom, host);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][1]).toBe(boom.stack);
  });
});
