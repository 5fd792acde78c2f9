import { CONNECT_TIMEOUT_CODE, createSoisyDispatcher } from './connect-timeout-agent.js';
import { exchange, ExchangeFailure } from './soisy-exchange.js';
import { FakeSoisyServer, silentServer } from './testing/fake-soisy-server.js';

const GET = { path: '/api/slow', method: 'GET' as const, headers: {}, readTimeoutMs: () => 1_000 };

describe('The Soisy connection pool', () => {
  it('abandons a connection (TCP and TLS handshake) not made in time, before any byte of the request is written', async () => {
    const silent = await silentServer();
    const pool = createSoisyDispatcher({ connectTimeoutMs: 50, timeoutMs: 1_000 });
    try {
      const error = await exchange(pool, { ...GET, origin: `https://127.0.0.1:${silent.port}` }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ExchangeFailure);
      expect(error).toMatchObject({ handedToSocket: false, error: { code: CONNECT_TIMEOUT_CODE } });
    } finally {
      await pool.destroy();
      await silent.stop();
    }
  });

  it('leaves a connection that was made alone, however slow the answer, and reuses it', async () => {
    const soisy = await FakeSoisyServer.start();
    const pool = createSoisyDispatcher({ connectTimeoutMs: 20, timeoutMs: 1_000 });
    try {
      soisy.reply({ status: 200, body: { ok: true } });
      const origin = soisy.baseUrl.replace(/\/api$/, '');
      const answer = await exchange(pool, { ...GET, origin });
      await new Promise((resolve) => setTimeout(resolve, 60));
      const again = await exchange(pool, { ...GET, origin });
      expect([answer.status, again.status]).toEqual([200, 200]);
      expect(soisy.sockets).toHaveLength(1);
    } finally {
      await pool.close();
      await soisy.stop();
    }
  });

  it('closes a connection left idle longer than its keep-alive time', async () => {
    const soisy = await FakeSoisyServer.start();
    const pool = createSoisyDispatcher({ connectTimeoutMs: 1_000, timeoutMs: 1_000, keepAliveMs: 100 });
    try {
      const origin = soisy.baseUrl.replace(/\/api$/, '');
      await exchange(pool, { ...GET, origin });
      await new Promise((resolve) => soisy.sockets[0].once('close', resolve));
      await exchange(pool, { ...GET, origin });
      expect(soisy.sockets).toHaveLength(2);
    } finally {
      await pool.close();
      await soisy.stop();
    }
  });
});
