import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';

/** The code of an exchange that got no complete answer within its read timeout. */
export const READ_TIMEOUT_CODE = 'ERR_SOISY_READ_TIMEOUT';

export interface Exchange {
  origin: string;
  /** Path and query, already encoded. */
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Asked when the request is handed to a socket, so time spent connecting counts against the budget. */
  readTimeoutMs: () => number;
}

export interface ExchangeAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * An exchange that failed. `handedToSocket` is false when the request never reached a connected
 * socket (connect refused or timed out, TLS handshake failed, DNS): Soisy cannot have seen it.
 */
export class ExchangeFailure extends Error {
  constructor(readonly error: unknown, readonly handedToSocket: boolean) {
    super('Soisy exchange failed');
  }
}

/**
 * One HTTP exchange on the pool. undici calls `onRequestStart` on a connected socket just before it
 * writes the request; an error before that proves the request unsent.
 */
export function exchange(dispatcher: Dispatcher, request: Exchange): Promise<ExchangeAnswer> {
  return new Promise((resolve, reject) => {
    let handedToSocket = false;
    let timer: NodeJS.Timeout | undefined;
    let status = 0;
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(controller) {
        handedToSocket = true;
        const ms = request.readTimeoutMs();
        timer = setTimeout(() => controller.abort(Object.assign(new Error(`No answer from Soisy within ${ms} ms`), { code: READ_TIMEOUT_CODE })), ms);
      },
      onResponseStart(_controller, statusCode, responseHeaders) {
        status = statusCode;
        headers = responseHeaders;
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        clearTimeout(timer);
        resolve({ status, headers, body: Buffer.concat(chunks) });
      },
      onResponseError(_controller, error) {
        clearTimeout(timer);
        reject(new ExchangeFailure(error, handedToSocket));
      },
    };
    const { origin, path, method, headers: requestHeaders, body } = request;
    try {
      dispatcher.dispatch({ origin, path, method, headers: requestHeaders, body }, handler);
    } catch (error) {
      // Refused before any socket was chosen (the pool is closed, invalid arguments): never sent.
      reject(new ExchangeFailure(error, false));
    }
  });
}
