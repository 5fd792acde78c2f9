import type { SoisyGateway } from '../../soisy/index.js';
import { OrderListAbsence } from './order-list-absence.js';

describe("the order list's second opinion on a Get order 404", () => {
  /** A gateway whose only call here is the order list; counts its reads. */
  function gatewayListing(list: () => Promise<Array<{ token: string }>>) {
    const gateway = { reads: 0, listOrders: () => ((gateway.reads += 1), list()) };
    return gateway;
  }

  it('confirms an order absent from the list, not one the list has, reading the list once', async () => {
    const gateway = gatewayListing(async () => [{ token: 'tok-listed' }]);
    const sut = new OrderListAbsence(gateway as unknown as SoisyGateway);
    expect(await sut.confirms('tok-gone')).toBe(true);
    expect(await sut.confirms('tok-listed')).toBe(false);
    expect(gateway.reads).toBe(1);
  });

  it('confirms nothing when the list cannot be read', async () => {
    const sut = new OrderListAbsence(gatewayListing(() => Promise.reject(new Error('Soisy failed with HTTP 404.'))) as unknown as SoisyGateway);
    await expect(sut.confirms('tok-gone')).rejects.toThrow('HTTP 404');
  });
});
