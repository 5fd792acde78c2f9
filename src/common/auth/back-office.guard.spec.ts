import type { ExecutionContext } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { AppError } from '../errors/app-error.js';
import { ApiKeyMatcher } from './api-key-matcher.js';
import { BackOfficeGuard } from './back-office.guard.js';

function contextWith(authorization?: string) {
  const headers: Record<string, string> = {};
  const reply = { header: (name: string, value: string) => (headers[name] = value) };
  const context = {
    switchToHttp: () => ({ getRequest: () => ({ headers: { authorization } }), getResponse: () => reply }),
  } as unknown as ExecutionContext;
  return { context, headers };
}

describe('the back-office API key check', () => {
  const sut = new BackOfficeGuard({ adminApiKeys: ['first-key-0123456789', 'second-key-0123456789'] } as unknown as AppConfig);

  it('lets a request with any configured key through', () => {
    expect(sut.canActivate(contextWith('Bearer first-key-0123456789').context)).toBe(true);
    expect(sut.canActivate(contextWith('bearer second-key-0123456789').context)).toBe(true);
  });

  it('refuses a missing, malformed or wrong key with 401 and names the scheme', () => {
    for (const header of [undefined, '', 'first-key-0123456789', 'Basic first-key-0123456789', 'Bearer first-key-012345678', 'Bearer first-key-0123456789x']) {
      const { context, headers } = contextWith(header);
      expect(() => sut.canActivate(context)).toThrow(AppError);
      expect(headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('refuses everything when no key is configured', () => {
    const closed = new BackOfficeGuard({ adminApiKeys: [] } as unknown as AppConfig);
    expect(() => closed.canActivate(contextWith('Bearer ').context)).toThrow(expect.objectContaining({ kind: 'unauthorized' }));
  });

  it('compares keys of any length without throwing', () => {
    const matcher = new ApiKeyMatcher(['short-key-0123456789']);
    expect(matcher.matches('x')).toBe(false);
    expect(matcher.matches('y'.repeat(10_000))).toBe(false);
    expect(matcher.matches('short-key-0123456789')).toBe(true);
  });
});
