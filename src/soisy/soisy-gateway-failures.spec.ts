import { Logger } from '@nestjs/common';
import { jest } from '@jest/globals';
import { SoisyError } from './soisy-errors.js';
import { FakeSoisyServer, refusedPort, silentServer } from './testing/fake-soisy-server.js';
import { gatewayAt, instantRetries, TEST_AUTH_TOKEN } from './testing/gateway-under-test.js';
import { ORDER_INPUT, QUOTES_REPLY } from './testing/soisy-examples.js';

const QUOTE_QUERY = { amountCents: 120_000, instalments: 12 };

async function failure(promise: Promise<unknown>): Promise<SoisyError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(SoisyError);
  return error as SoisyError;
}

describe('SoisyGateway when Soisy fails', () => {
  let soisy: FakeSoisyServer;
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(async () => (soisy = await FakeSoisyServer.start()));
  afterEach(() => soisy.stop());

  it('retries a GET after a 500 with jittered, growing backoff, and succeeds', async () => {
    const sleeps: number[] = [];
    soisy.reply({ status: 500 }, { status: 503 }, { status: 200, body: QUOTES_REPLY });
    await gatewayAt(soisy.baseUrl, instantRetries(sleeps)).getLoanQuotes(QUOTE_QUERY);
    expect(soisy.requests).toHaveLength(3);
    expect(sleeps).toEqual([50, 100]);
  });

  it('gives up on a GET after two retries and reports an upstream error with nothing to reconcile', async () => {
    soisy.reply({ status: 500, body: { errors: { system: ['System error'] } } });
    const error = await failure(gatewayAt(soisy.baseUrl).getOrder('tok'));
    expect(soisy.requests).toHaveLength(3);
    expect(error).toMatchObject({ kind: 'upstream', code: 'SOISY.UPSTREAM_ERROR', outcomeUnknown: false, upstreamStatus: 500 });
  });

  it('retries a GET that timed out', async () => {
    soisy.reply({ hang: true }, { status: 200, body: QUOTES_REPLY });
    await gatewayAt(soisy.baseUrl).getLoanQuotes(QUOTE_QUERY);
    expect(soisy.requests).toHaveLength(2);
  });

  it('does not retry a POST answered with a 500, and says its outcome is unknown', async () => {
    soisy.reply({ status: 500, body: { errors: 'System error' } });
    const error = await failure(gatewayAt(soisy.baseUrl).createOrder(ORDER_INPUT));
    expect(soisy.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: 'SOISY.UPSTREAM_ERROR', outcomeUnknown: true });
  });

  it('does not retry a POST that timed out, reports a timeout and says its outcome is unknown', async () => {
    soisy.reply({ hang: true });
    const error = await failure(gatewayAt(soisy.baseUrl).createOrder(ORDER_INPUT));
    expect(soisy.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'upstream_timeout', code: 'SOISY.TIMEOUT', outcomeUnknown: true });
  });

  it('does not retry a POST whose connection was dropped after sending, and says its outcome is unknown', async () => {
    soisy.reply({ drop: true });
    const error = await failure(gatewayAt(soisy.baseUrl).matchTrigger('tok', 120_000));
    expect(soisy.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'upstream', code: 'SOISY.UNREACHABLE', outcomeUnknown: true });
  });

  it('never retries a 4xx, even on a GET', async () => {
    soisy.reply({ status: 404 });
    const error = await failure(gatewayAt(soisy.baseUrl).getOrder('missing'));
    expect(soisy.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'upstream', code: 'SOISY.ORDER_UNKNOWN_UPSTREAM', outcomeUnknown: false });
  });

  it('retries a POST whose connection was refused, because Soisy never saw it', async () => {
    const port = await refusedPort();
    let revived: FakeSoisyServer | undefined;
    // Soisy comes back during the first backoff: the retry must reach it.
    const comeBack = async (): Promise<void> => {
      revived ??= (await FakeSoisyServer.start(port)).reply({ status: 200, body: { token: 'tok-1', redirectUrl: 'https://funnel/x' } });
    };
    try {
      const created = await gatewayAt(`http://127.0.0.1:${port}/api`, { ...instantRetries(), sleep: comeBack }).createOrder(ORDER_INPUT);
      expect(created.token).toBe('tok-1');
      expect(revived!.requests).toHaveLength(1);
    } finally {
      await revived?.stop();
    }
  });

  it('reports a refused connection as unreachable with a known outcome once the retries are spent', async () => {
    const sleeps: number[] = [];
    const error = await failure(gatewayAt(`http://127.0.0.1:${await refusedPort()}/api`, instantRetries(sleeps)).createOrder(ORDER_INPUT));
    expect(sleeps).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'upstream', code: 'SOISY.UNREACHABLE', outcomeUnknown: false });
  });

  it('retries a POST that could not connect in time, with a known outcome', async () => {
    // A TLS handshake that never completes: the connection is never made, so nothing was sent.
    const silent = await silentServer();
    try {
      const gateway = gatewayAt(`https://127.0.0.1:${silent.port}/api`, instantRetries(), { connectTimeoutMs: 50, timeoutMs: 100 });
      const error = await failure(gateway.createOrder(ORDER_INPUT));
      expect(silent.connections()).toBe(3);
      expect(error).toMatchObject({ code: 'SOISY.UNREACHABLE', outcomeUnknown: false });
    } finally {
      await silent.stop();
    }
  });

  it('maps a 403 to a loud configuration error that never carries the token', async () => {
    Logger.overrideLogger(['error']);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    soisy.reply({ status: 403, body: { error: `Access denied for ${TEST_AUTH_TOKEN}` } });
    const error = await failure(gatewayAt(soisy.baseUrl).createOrder(ORDER_INPUT));
    expect(error).toMatchObject({ kind: 'upstream', code: 'SOISY.UPSTREAM_AUTH', outcomeUnknown: false });
    expect(JSON.stringify({ ...error, message: error.message, detail: error.detail })).not.toContain(TEST_AUTH_TOKEN);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('shop id / auth token pair'));
    expect(JSON.stringify(logged.mock.calls)).not.toContain(TEST_AUTH_TOKEN);
    logged.mockRestore();
    Logger.overrideLogger(false);
  });

  it('passes Soisy field errors on under the caller\'s own field names', async () => {
    soisy.reply({ status: 400, body: { errors: { instalments: ['Il numero di rate deve essere compreso fra 3 e 60'], civicNumber: ['Valore non valido'] } } });
    const error = await failure(gatewayAt(soisy.baseUrl).createOrder(ORDER_INPUT));
    expect(error).toMatchObject({ kind: 'invalid', code: 'SOISY.INVALID_FIELDS' });
    expect(error.fieldErrors).toEqual([
      { field: 'instalments', message: 'Il numero di rate deve essere compreso fra 3 e 60' },
      { field: 'customer.civicNumber', message: 'Valore non valido' },
    ]);
  });
});
