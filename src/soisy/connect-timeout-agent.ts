import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

/** The error code of a connection abandoned by `connectTimeoutMs`: Soisy provably never saw the request. */
export const CONNECT_TIMEOUT_CODE = 'ERR_SOISY_CONNECT_TIMEOUT';

export interface SoisyAgents {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
}

/**
 * Agents whose new sockets are destroyed with CONNECT_TIMEOUT_CODE unless they connect in time.
 * axios's own `timeout` cannot tell "never connected" from "sent, no answer yet", and that
 * difference decides whether a POST may be retried.
 */
export function createSoisyAgents(connectTimeoutMs: number, options: http.AgentOptions = {}): SoisyAgents {
  // Keep-alive: the quotes call is hot, and reusing sockets spares a TCP+TLS handshake per call.
  const agentOptions = { keepAlive: true, ...options };
  return {
    httpAgent: withConnectTimeout(new http.Agent(agentOptions), connectTimeoutMs),
    httpsAgent: withConnectTimeout(new https.Agent(agentOptions), connectTimeoutMs),
  };
}

function withConnectTimeout<A extends http.Agent>(agent: A, connectTimeoutMs: number): A {
  const createConnection = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    const socket = createConnection(options, callback);
    if (socket) armConnectTimeout(socket as Socket, connectTimeoutMs);
    return socket;
  };
  return agent;
}

function armConnectTimeout(socket: Socket, connectTimeoutMs: number): void {
  // For TLS, wait for the handshake too: until then no byte of the HTTP request has left.
  const connected = socket instanceof TLSSocket ? 'secureConnect' : 'connect';
  const timer = setTimeout(() => {
    const error = Object.assign(new Error(`Could not connect to Soisy within ${connectTimeoutMs} ms`), {
      code: CONNECT_TIMEOUT_CODE,
    });
    socket.destroy(error);
  }, connectTimeoutMs);
  const disarm = (): void => clearTimeout(timer);
  socket.once(connected, disarm);
  socket.once('close', disarm);
}
