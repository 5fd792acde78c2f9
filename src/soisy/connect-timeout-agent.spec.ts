import axios from 'axios';
import { CONNECT_TIMEOUT_CODE, createSoisyAgents } from './connect-timeout-agent.js';
import { FakeSoisyServer } from './testing/fake-soisy-server.js';

describe('Connect timeout agents', () => {
  it('abandon a connection that is not made in time with a code of their own', async () => {
    // A name lookup that never answers stands in for an unreachable host.
    const { httpAgent } = createSoisyAgents(50, { lookup: () => undefined } as object);
    const error = await axios.get('http://soisy.invalid/api', { httpAgent, timeout: 5_000 }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: CONNECT_TIMEOUT_CODE });
  });

  it('leave a connection that was made alone, however slow the answer', async () => {
    const soisy = await FakeSoisyServer.start();
    try {
      const { httpAgent } = createSoisyAgents(20);
      soisy.reply({ status: 200, body: { ok: true } });
      const answer = await axios.get(`${soisy.baseUrl}/slow`, { httpAgent, timeout: 1_000 });
      await new Promise((resolve) => setTimeout(resolve, 60));
      const again = await axios.get(`${soisy.baseUrl}/slow`, { httpAgent, timeout: 1_000 });
      expect([answer.status, again.status]).toEqual([200, 200]);
    } finally {
      await soisy.stop();
    }
  });
});
