import { Logger } from '@nestjs/common';
import { FakeSoisyServer } from './testing/fake-soisy-server.js';
import { gatewayAt } from './testing/gateway-under-test.js';
import { ORDER_INPUT, QUOTES_REPLY } from './testing/soisy-examples.js';

const CREATED = { status: 200, body: { token: 'tok-order-1', redirectUrl: 'https://shop.sandbox.soisy.it/x' } };
const createOrderCalls = (soisy: FakeSoisyServer) => soisy.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/orders'));

/**
 * The keep-alive race: Soisy closes a connection it considers idle at the moment the gateway reuses
 * it. A POST lost that way must be either provably unsent (and then sent once, elsewhere) or
 * reported as an unknown outcome, never repeated blindly: a repeated create order is a second order.
 */
describe('A kept-alive Soisy connection closed as the gateway reuses it', () => {
  let soisy: FakeSoisyServer;
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(async () => (soisy = await FakeSoisyServer.start()));
  afterEach(() => soisy.stop());

  /**
   * Calls until the gateway reuses an idle connection: undici's pool opens a second connection for
   * the call right after its very first one, and reuses from then on.
   */
  async function warmedUpGateway(): Promise<ReturnType<typeof gatewayAt>> {
    const gateway = gatewayAt(soisy.baseUrl);
    soisy.reply({ status: 200, body: QUOTES_REPLY });
    for (let call = 0; call < 3; call++) await gateway.getLoanQuotes({ amountCents: 120_000, instalments: 12 });
    expect(soisy.sockets).toHaveLength(2);
    return gateway;
  }

  it('sends the create order once, on a new connection, when Soisy reset the idle one just before', async () => {
    const gateway = await warmedUpGateway();
    soisy.reply(CREATED);
    // Reset, and the gateway asked to send, in the same turn of the event loop: the reset is
    // already in the gateway's kernel, not yet seen by its code, so the write itself fails.
    soisy.closeConnections('reset');
    const created = await gateway.createOrder(ORDER_INPUT);
    expect(created.token).toBe('tok-order-1');
    expect(createOrderCalls(soisy)).toHaveLength(1);
    expect(soisy.sockets).toHaveLength(3);
  });

  it('reports an unknown outcome, and does not repeat the create order, when Soisy closed the idle one (FIN) just before', async () => {
    const gateway = await warmedUpGateway();
    soisy.reply(CREATED);
    // A FIN does not stop the write: the request's bytes leave, and only then does the connection
    // fail. The gateway cannot tell this from Soisy failing after reading it, so it must not repeat.
    soisy.closeConnections('fin');
    await expect(gateway.createOrder(ORDER_INPUT)).rejects.toMatchObject({ code: 'SOISY.UNREACHABLE', outcomeUnknown: true });
    expect(createOrderCalls(soisy)).toHaveLength(0);
    expect(soisy.sockets).toHaveLength(2);
  });

  it('reports an unknown outcome, and does not repeat it, when Soisy closes the reused connection once the create order arrived', async () => {
    const gateway = await warmedUpGateway();
    soisy.reply({ drop: true }, CREATED);
    await expect(gateway.createOrder(ORDER_INPUT)).rejects.toMatchObject({ code: 'SOISY.UNREACHABLE', outcomeUnknown: true });
    expect(createOrderCalls(soisy)).toHaveLength(1);
    // It went out on a reused connection: no new one was opened for it.
    expect(soisy.sockets).toHaveLength(2);
  });

  it('serves many POSTs on the connections already open', async () => {
    const gateway = await warmedUpGateway();
    soisy.reply(CREATED);
    for (let order = 0; order < 20; order++) await gateway.createOrder({ ...ORDER_INPUT, orderReference: `ORD-${order}` });
    expect(createOrderCalls(soisy)).toHaveLength(20);
    expect(soisy.sockets).toHaveLength(2);
  });
});
