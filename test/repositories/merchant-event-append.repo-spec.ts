import { toOrderView } from '../../src/orders/order-view.mapper.js';
import { startRepositoryTier, type RepositoryTier } from './support.js';

/**
 * The merchant event of a status change, appended in the change's transaction with its history read
 * in the append's own statement (issue 10): the payload is the order view the API shows.
 */
describe('appending the merchant event of a transition', () => {
  let tier: RepositoryTier;
  beforeAll(async () => {
    tier = await startRepositoryTier();
  });
  afterAll(() => tier.t.close());

  const payloads = (orderId: string) => tier.prisma.merchantEvent.findMany({ where: { orderId }, orderBy: { sequence: 'asc' } })
    .then((rows) => rows.map((row) => row.payload as { type: string; data: unknown }));

  it('carries the order view with every event so far, this transaction\'s own included, for each change', async () => {
    const { id, token } = await tier.insertOrder();
    await tier.orders.recordEvent(id, 'api', 'loan_request.failed', { code: 'SOISY.UNAVAILABLE' });
    await tier.orders.transition(id, { to: 'requested', source: 'api', type: 'loan_request.created', patch: { instalments: 12, apr: 9.5, instalmentAmountCents: 8787 } });
    const afterRequest = toOrderView(await tier.orders.findByTokenWithEventsOrThrow(token!));
    await tier.orders.transition(id, { to: 'approved', source: 'callback', type: 'callback.LoanWasApproved' });
    const afterApproval = toOrderView(await tier.orders.findByTokenWithEventsOrThrow(token!));

    const [requested, approved] = await payloads(id);
    expect([requested!.type, approved!.type]).toEqual(['order.requested', 'order.approved']);
    expect(requested!.data).toEqual(afterRequest);
    expect(approved!.data).toEqual(afterApproval);
    expect(afterApproval.events.map((event) => event.type)).toEqual(['loan_request.failed', 'loan_request.created', 'callback.LoanWasApproved']);
  });
});
