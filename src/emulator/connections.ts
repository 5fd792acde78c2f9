/**
 * What the API's clients do with connections, counted on the server side: how many TCP connections
 * carried API calls (a pooled client needs few), and a way to close the idle ones as Soisy's
 * servers do. The control API's own connections are not counted as API connections.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

export function registerConnections(app: FastifyInstance): void {
  const server = app.server as Server;
  const open = new Set<Socket>();
  let opened = 0;
  let apiSockets = new WeakSet<Socket>();
  let apiConnections = 0;
  server.on('connection', (socket: Socket) => {
    opened++;
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  app.addHook('onRequest', async (request) => {
    const socket = request.raw.socket;
    if (!request.url.startsWith('/api') || apiSockets.has(socket)) return;
    apiSockets.add(socket);
    apiConnections++;
  });

  const counts = () => ({ opened, open: open.size, api: apiConnections });
  app.get('/__emulator/connections', async () => counts());
  // Starts counting API connections afresh: connections already open count again when next used.
  app.delete('/__emulator/connections', async () => {
    apiSockets = new WeakSet();
    apiConnections = 0;
    return counts();
  });
  // Closes every connection with no request in progress (this call's own connection stays open).
  app.post('/__emulator/connections/close-idle', async () => {
    server.closeIdleConnections();
    return counts();
  });
}
