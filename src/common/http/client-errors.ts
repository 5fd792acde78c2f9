import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type ProblemDocument, problemType } from '../errors/problem-document.js';

/**
 * Errors Node's HTTP parser meets before there is a request to route (headers or URL over Node's
 * limit, a malformed request line, oversized chunk extensions, a request that took too long to
 * arrive) never reach Fastify's handlers or Nest's filter. Node and Fastify would answer them with
 * their own bodies; this writes the same problem document (RFC 9457) as every other error, straight
 * onto the socket, then closes it: the parser cannot read past the error.
 */

const ANSWERS: Record<string, { status: number; detail: string; code?: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'The request headers or URL are too large.' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, detail: 'The request body\'s chunk extensions are too large.' },
  // A client trickling its request past HTTP_REQUEST_TIMEOUT_MS / HTTP_HEADERS_TIMEOUT_MS.
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request was not received in time; the connection is closed.', code: 'REQUEST.TIMEOUT' },
};
const MALFORMED = { status: 400, detail: 'The request is not valid HTTP.' };

/** The raw HTTP response for a client error with Node's `code` (e.g. `HPE_HEADER_OVERFLOW`). */
export function clientErrorResponse(code: string | undefined): string {
  const { status, detail, code: answerCode } = ANSWERS[code ?? ''] ?? MALFORMED;
  const problemCode = answerCode ?? `HTTP.${status}`;
  const title = STATUS_CODES[status] ?? 'Error';
  const problem: ProblemDocument = { type: problemType(problemCode), title, status, detail, code: problemCode };
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${status} ${title}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Fastify's `clientErrorHandler` option. */
export function handleClientError(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has no one to answer; a response already under way cannot be replaced.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  this.log.debug({ code: error.code }, 'HTTP client error');
  // As Node does: on a kept-alive connection an earlier, finished response does not count.
  const inFlight = (socket as Socket & { _httpMessage?: { _headerSent?: boolean } | null })._httpMessage;
  if (socket.writable && !inFlight?._headerSent) socket.write(clientErrorResponse(error.code));
  socket.destroy(error);
}
