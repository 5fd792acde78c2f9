import { AxiosError } from 'axios';
import { CONNECT_TIMEOUT_CODE } from './connect-timeout-agent.js';
import { ExchangeFailure, READ_TIMEOUT_CODE } from './soisy-exchange.js';
import { classifyTransportFailure } from './soisy-failure.js';

function axiosFrom(cause: object): AxiosError {
  return AxiosError.from(Object.assign(new Error('boom'), cause));
}

describe('What a transport failure proves', () => {
  it('says a refused connection, a connect timeout and a DNS failure never reached Soisy', () => {
    expect(classifyTransportFailure(axiosFrom({ code: 'ECONNREFUSED', syscall: 'connect' }))).toEqual({ kind: 'not_sent', reason: 'refused' });
    expect(classifyTransportFailure(axiosFrom({ code: CONNECT_TIMEOUT_CODE }))).toEqual({ kind: 'not_sent', reason: 'connect_timeout' });
    expect(classifyTransportFailure(axiosFrom({ code: 'ENOTFOUND', syscall: 'getaddrinfo' }))).toEqual({ kind: 'not_sent', reason: 'dns' });
    expect(classifyTransportFailure(axiosFrom({ code: 'EHOSTUNREACH', syscall: 'connect' }))).toEqual({ kind: 'not_sent', reason: 'no_route' });
  });

  it('treats the kernel giving up on connect as never sent, unlike axios\'s read timeout', () => {
    expect(classifyTransportFailure(axiosFrom({ code: 'ETIMEDOUT', syscall: 'connect' }))).toEqual({ kind: 'not_sent', reason: 'no_route' });
    expect(classifyTransportFailure(new AxiosError('timeout of 300ms exceeded', 'ETIMEDOUT'))).toEqual({ kind: 'read_timeout' });
  });

  it('reads every address of a happy-eyeballs connect failure before calling it never sent', () => {
    const refused = (address: string) => Object.assign(new Error(address), { code: 'ECONNREFUSED', syscall: 'connect' });
    const all = AxiosError.from(new AggregateError([refused('::1'), refused('127.0.0.1')]));
    expect(classifyTransportFailure(all)).toEqual({ kind: 'not_sent', reason: 'refused' });
    const mixed = AxiosError.from(new AggregateError([refused('::1'), Object.assign(new Error('reset'), { code: 'ECONNRESET' })]));
    expect(classifyTransportFailure(mixed)).toEqual({ kind: 'dropped' });
  });

  it('treats a reset or a hang-up as a request Soisy may have acted on', () => {
    expect(classifyTransportFailure(axiosFrom({ code: 'ECONNRESET', syscall: 'read' }))).toEqual({ kind: 'dropped' });
    expect(classifyTransportFailure(new Error('socket hang up'))).toEqual({ kind: 'dropped' });
  });

  it('calls a request that never reached a connected socket unsent, whatever the error', () => {
    const refused = new ExchangeFailure(Object.assign(new Error('connect'), { code: 'ECONNREFUSED', syscall: 'connect' }), false);
    expect(classifyTransportFailure(refused)).toEqual({ kind: 'not_sent', reason: 'refused' });
    const handshake = new ExchangeFailure(Object.assign(new Error('self-signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), false);
    expect(classifyTransportFailure(handshake)).toEqual({ kind: 'not_sent', reason: 'tls' });
  });

  it('calls a request whose write the kernel refused on a reset connection unsent, and any later failure unknown', () => {
    const handed = (facts: object) => new ExchangeFailure(Object.assign(new Error('boom'), facts), true);
    expect(classifyTransportFailure(handed({ code: 'ECONNRESET', syscall: 'write' }))).toEqual({ kind: 'not_sent', reason: 'reset_before_write' });
    expect(classifyTransportFailure(handed({ code: 'EPIPE', syscall: 'write' }))).toEqual({ kind: 'not_sent', reason: 'reset_before_write' });
    expect(classifyTransportFailure(handed({ code: 'ECONNRESET', syscall: 'read' }))).toEqual({ kind: 'dropped' });
    expect(classifyTransportFailure(handed({ code: 'UND_ERR_SOCKET' }))).toEqual({ kind: 'dropped' });
    expect(classifyTransportFailure(handed({ code: 'ECONNREFUSED', syscall: 'connect' }))).toEqual({ kind: 'dropped' });
    expect(classifyTransportFailure(handed({ code: READ_TIMEOUT_CODE }))).toEqual({ kind: 'read_timeout' });
  });
});
