import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDocument } from '../errors/problem-document.js';

interface ClientError extends Error {
  code?: string;
}

/**
 * Fastify's `clientErrorHandler`: errors Node meets on a connection before any route runs. A
 * request or headers timeout (a client trickling its request) is answered 408 problem+json
 * `REQUEST.TIMEOUT`; a header block too large 431, anything else unparseable 400; the socket is
 * closed after the answer either way. Like Node's own handler, nothing is written once a response
 * has begun on the socket, and nothing is logged: these are clients' faults, often scanners.
 */
export function answerRequestTimeout(error: ClientError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = problemFor(error.code);
  const response = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !response?.headersSent) {
    const body = JSON.stringify(problem);
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function problemFor(code: string | undefined): ProblemDocument {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return problem(408, 'REQUEST.TIMEOUT', 'Request timeout', 'The request was not received in time; the connection is closed.');
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return problem(431, 'REQUEST.HEADERS_TOO_LARGE', 'Request header fields too large', 'The request headers are too large.');
  }
  return problem(400, 'HTTP.400', 'Bad request', 'The request could not be parsed as HTTP.');
}

function problem(status: number, code: string, title: string, detail: string): ProblemDocument {
  return { type: problemType(code), title, status, detail, code };
}
