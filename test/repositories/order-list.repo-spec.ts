import type { Order } from '../../src/orders/order.js';
import { startRepositoryTier, type RepositoryTier } from './support.js';

/** The back office's keyset pagination, newest first, on real PostgreSQL. */
describe('the order list\'s pages', () => {
  let tier: RepositoryTier;
  const at = new Date('2026-11-20T10:00:00.000Z');
  let ids: string[];

  beforeAll(async () => {
    tier = await startRepositoryTier();
    // Five orders created in the same millisecond and two later: the id breaks the ties.
    const same = await Promise.all(Array.from({ length: 5 }, () => tier.insertOrder({ createdAt: at })));
    const later = [await tier.insertOrder({ createdAt: new Date(at.getTime() + 1) }), await tier.insertOrder({ createdAt: new Date(at.getTime() + 2) })];
    ids = [later[1].id, later[0].id, ...same.map((order) => order.id).sort().reverse()];
  });
  afterAll(() => tier.t.close());

  const after = (order: Order) => ({ createdAt: order.createdAt, id: order.id });

  async function walk(limit: number): Promise<string[][]> {
    const pages: string[][] = [];
    let page = await tier.orders.list({ limit });
    while (page.length > 0) {
      pages.push(page.map((order) => order.id));
      page = await tier.orders.list({ limit, after: after(page.at(-1)!) });
    }
    return pages;
  }

  it('orders equal createdAt by id and never skips or repeats an order across pages', async () => {
    const pages = await walk(2);
    expect(pages.flat()).toEqual(ids);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 1]);
  });

  it('answers an empty page after the last order', async () => {
    const all = await tier.orders.list({ limit: 100 });
    expect(await tier.orders.list({ limit: 100, after: after(all.at(-1)!) })).toEqual([]);
  });

  it('goes on after the cursor\'s position when the order it names was deleted meanwhile', async () => {
    const firstPage = await tier.orders.list({ limit: 3 });
    const cursor = after(firstPage.at(-1)!);
    await tier.prisma.order.delete({ where: { id: cursor.id } });
    const next = await tier.orders.list({ limit: 10, after: cursor });
    expect(next.map((order) => order.id)).toEqual(ids.slice(3));
  });

  it('filters by status and creation time, with `to` exclusive', async () => {
    expect(await tier.orders.list({ limit: 10, from: new Date(at.getTime() + 1) })).toHaveLength(2);
    // The five of the same millisecond, less the one deleted above.
    expect(await tier.orders.list({ limit: 10, to: new Date(at.getTime() + 1) })).toHaveLength(4);
    expect(await tier.orders.list({ limit: 10, status: 'refused' })).toEqual([]);
  });
});
