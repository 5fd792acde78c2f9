import { jest } from '@jest/globals';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { clientErrorResponse, handleClientError } from './client-errors.js';

function parse(raw: string) {
  const [head, body] = raw.split('\r\n\r\n');
  const [statusLine, ...headers] = head.split('\r\n');
  return { statusLine, headers, body: JSON.parse(body) };
}

function fakeSocket(state: Partial<Socket> = {}) {
  const written: string[] = [];
  const socket = { destroyed: false, writable: true, _httpMessage: null, write: (data: string) => written.push(data), destroy: jest.fn(), ...state };
  return { socket: socket as unknown as Socket, written, destroy: socket.destroy };
}

const fastify = { log: { debug: () => undefined } } as unknown as FastifyInstance;

describe('client errors as problem documents', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'Request Header Fields Too Large', 'HTTP.431'],
    ['HPE_CHUNK_EXTENSIONS_OVERFLOW', 413, 'Payload Too Large', 'HTTP.413'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'Request Timeout', 'REQUEST.TIMEOUT'],
    ['HPE_INVALID_METHOD', 400, 'Bad Request', 'HTTP.400'],
    [undefined, 400, 'Bad Request', 'HTTP.400'],
  ])('answers Node\'s %s with HTTP %i as application/problem+json', (code, status, title, problemCode) => {
    const { statusLine, headers, body } = parse(clientErrorResponse(code));
    expect(statusLine).toBe(`HTTP/1.1 ${status} ${title}`);
    expect(headers).toContain('Content-Type: application/problem+json');
    expect(headers).toContain(`Content-Length: ${Buffer.byteLength(JSON.stringify(body))}`);
    expect(body).toMatchObject({ status, title, code: problemCode, type: `urn:soisy-bff:problem:${problemCode.toLowerCase()}` });
  });

  it('writes the answer and closes the connection', () => {
    const { socket, written, destroy } = fakeSocket();
    handleClientError.call(fastify, Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), socket);
    expect(written[0]).toMatch(/^HTTP\/1\.1 408 /);
    expect(destroy).toHaveBeenCalled();
  });

  it('writes nothing on a reset connection, or once a response has started', () => {
    const reset = fakeSocket();
    handleClientError.call(fastify, Object.assign(new Error('reset'), { code: 'ECONNRESET' }), reset.socket);
    const started = fakeSocket({ _httpMessage: { _headerSent: true } } as Partial<Socket>);
    handleClientError.call(fastify, Object.assign(new Error('bad'), { code: 'HPE_INVALID_METHOD' }), started.socket);
    expect([reset.written, started.written]).toEqual([[], []]);
    expect(started.destroy).toHaveBeenCalled();
  });
});
