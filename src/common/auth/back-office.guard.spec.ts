import type { ExecutionContext } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { parseBackOfficeKeys } from '../../config/back-office-keys.js';
import { AppError } from '../errors/app-error.js';
import { ApiKeyMatcher } from './api-key-matcher.js';
import { BackOfficeGuard } from './back-office.guard.js';

function contextWith(authorization?: string) {
  const headers: Record<string, string> = {};
  const reply = { header: (name: string, value: string) => (headers[name] = value) };
  const request: { headers: object; backOfficeActor?: string } = { headers: { authorization } };
  const context = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ExecutionContext;
  return { context, headers, request };
}

const guardFor = (entries: string[]) => new BackOfficeGuard({ backOfficeKeys: parseBackOfficeKeys(entries) } as unknown as AppConfig);

describe('the back-office API key check', () => {
  const sut = guardFor(['first-key-0123456789', 'second-key-0123456789']);

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
    const closed = guardFor([]);
    expect(() => closed.canActivate(contextWith('Bearer ').context)).toThrow(expect.objectContaining({ kind: 'unauthorized' }));
  });

  it('puts the name of the key presented on the request, never the key', () => {
    const named = guardFor(['ops-anna:anna-secret-0123456789', 'erp:erp-secret-0123456789', 'bare-secret-0123456789']);
    const anna = contextWith('Bearer anna-secret-0123456789');
    expect(named.canActivate(anna.context)).toBe(true);
    expect(anna.request.backOfficeActor).toBe('ops-anna');
    const bare = contextWith('Bearer bare-secret-0123456789');
    named.canActivate(bare.context);
    expect(bare.request.backOfficeActor).toMatch(/^key-[0-9a-f]{8}$/);
    expect(bare.request.backOfficeActor).not.toContain('secret');
  });

  it('sets no actor on a refused request', () => {
    const refused = contextWith('Bearer wrong-secret-0123456789');
    expect(() => sut.canActivate(refused.context)).toThrow(AppError);
    expect(refused.request.backOfficeActor).toBeUndefined();
  });

  it('compares keys of any length without throwing', () => {
    const matcher = new ApiKeyMatcher(['short-key-0123456789']);
    expect(matcher.matches('x')).toBe(false);
    expect(matcher.matches('y'.repeat(10_000))).toBe(false);
    expect(matcher.matches('short-key-0123456789')).toBe(true);
  });
});
