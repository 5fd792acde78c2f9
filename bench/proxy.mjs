// The reference: a bare Fastify pass-through proxy to the Soisy stand-in, on a keep-alive undici
// pool. Whatever the service does beyond this is the price of its guarantees.
import Fastify from 'fastify';
import { Pool } from 'undici';

const upstream = new Pool(process.env.PROXY_UPSTREAM, { connections: 128, pipelining: 1 });
const app = Fastify({ logger: false });
const FORWARDED = ['content-type', 'accept', 'x-auth-token'];

app.all('/*', async (request, reply) => {
  const headers = Object.fromEntries(FORWARDED.filter((name) => request.headers[name]).map((name) => [name, request.headers[name]]));
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const answer = await upstream.request({ method: request.method, path: request.url, headers, body });
  reply.code(answer.statusCode);
  if (answer.headers['content-type']) reply.header('content-type', answer.headers['content-type']);
  return reply.send(await answer.body.text());
});

await app.listen({ port: Number(process.env.PROXY_PORT), host: '127.0.0.1' });
