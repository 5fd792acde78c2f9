import { randomUUID } from 'node:crypto';
import { CallbackConfirmationRepository } from '../../src/callbacks/callback-confirmation.repository.js';
import { CallbacksRepository } from '../../src/callbacks/callbacks.repository.js';
import type { SoisyCallbackDto } from '../../src/callbacks/dto/soisy-callback.dto.js';
import { concurrently, startRepositoryTier, type RepositoryTier } from './support.js';

/** Reconciliation's claim, the callbacks' deduplication and their confirmation claim, on real PostgreSQL. */
describe('syncing and callbacks in the database', () => {
  let tier: RepositoryTier;
  let callbacks: CallbacksRepository;
  let confirmations: CallbackConfirmationRepository;
  const now = new Date('2026-11-29T10:00:00.000Z');
  const cutoff = new Date(now.getTime() - 60 * 60_000);
  const stale = new Date(cutoff.getTime() - 60_000);

  beforeAll(async () => {
    tier = await startRepositoryTier();
    callbacks = tier.t.app.get(CallbacksRepository);
    confirmations = tier.t.app.get(CallbackConfirmationRepository);
  });
  afterAll(() => tier.t.close());

  const payload = (orderToken: string, eventId = 'LoanWasApproved'): SoisyCallbackDto =>
    ({ orderToken, eventId, eventDate: '2026-11-29 10:00:00' }) as SoisyCallbackDto;

  it('claims no more stale open orders than the LIMIT, oldest first, and none twice across 16 concurrent ticks', async () => {
    const orders = [];
    for (let i = 0; i < 5; i += 1) orders.push(await tier.insertOrder({ status: 'approved', lastSyncedAt: new Date(stale.getTime() - i * 1000) }));
    await tier.insertOrder({ status: 'approved', lastSyncedAt: now });
    await tier.insertOrder({ status: 'disbursed', lastSyncedAt: stale });

    const first = await tier.orders.sync.claimStale(cutoff, now, 2);
    // The two oldest (RETURNING keeps no order).
    expect(first.map((order) => order.id).sort()).toEqual([orders[4].id, orders[3].id].sort());

    const batches = await concurrently(16, () => tier.orders.sync.claimStale(cutoff, now, 1));
    expect(batches.flat().map((order) => order.id).sort()).toEqual(orders.slice(0, 3).map((order) => order.id).sort());
    expect(await tier.orders.sync.claimStale(cutoff, now, 10)).toEqual([]);
  });

  it('leaves an order whose loan request or approval is being sent to Soisy to a later tick, and takes it once the claim is over or expired', async () => {
    const live = await tier.insertOrder({ status: 'requested', lastSyncedAt: stale, stepClaim: 'approval', stepClaimId: randomUUID(), stepClaimExpiresAt: new Date(now.getTime() + 60_000) });
    const expired = await tier.insertOrder({ status: 'requested', lastSyncedAt: stale, stepClaim: 'approval', stepClaimId: randomUUID(), stepClaimExpiresAt: new Date(now.getTime() - 1) });
    expect((await tier.orders.sync.claimStale(cutoff, now, 10)).map((order) => order.id)).toEqual([expired.id]);
    await tier.prisma.order.update({ where: { id: live.id }, data: { stepClaim: null, stepClaimId: null, stepClaimExpiresAt: null } });
    expect((await tier.orders.sync.claimStale(cutoff, now, 10)).map((order) => order.id)).toEqual([live.id]);
  });

  it('records a callback once: 16 concurrent deliveries of it give one row and one event (the unique violation)', async () => {
    const { id } = await tier.insertOrder({ status: 'approved' });
    const order = (await tier.orders.findById(id))!;
    const held = await concurrently(16, () => callbacks.record(order, payload(order.token!), now));
    expect(held.filter((callback) => callback !== undefined)).toHaveLength(1);
    expect(await tier.prisma.receivedCallback.count({ where: { orderId: id } })).toBe(1);
    expect(await tier.prisma.orderEvent.count({ where: { orderId: id, type: 'callback.received' } })).toBe(1);
  });

  it('flags a disbursed amount that differs, with its event, in the callback\'s transaction', async () => {
    const { id } = await tier.insertOrder({ status: 'verified' });
    const order = (await tier.orders.findById(id))!;
    await callbacks.record(order, payload(order.token!, 'LoanWasDisbursed'), now, { reported: 90000, expected: 100000, detail: 'check' });
    expect(await tier.prisma.order.findUnique({ where: { id } })).toMatchObject({ statusDetail: 'check', status: 'verified' });
    const events = await tier.prisma.orderEvent.findMany({ where: { orderId: id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((event) => event.type).sort()).toEqual(['callback.amount_mismatch', 'callback.received']);
  });

  it('hands each unconfirmed callback to one of 16 concurrent confirmation jobs, no more than the LIMIT each', async () => {
    await tier.prisma.receivedCallback.updateMany({ data: { confirmedAt: now } });
    const lease = new Date(now.getTime() + 60_000);
    for (let i = 0; i < 4; i += 1) {
      const { id } = await tier.insertOrder({ status: 'approved' });
      const order = (await tier.orders.findById(id))!;
      await callbacks.record(order, payload(order.token!, `LoanWasApproved`), new Date(now.getTime() - 1));
    }
    expect(await confirmations.claimDue(now, lease, 1)).toHaveLength(1);
    const batches = await concurrently(16, () => confirmations.claimDue(now, lease, 1));
    const claimed = batches.flat().map((callback) => callback.id);
    expect(claimed).toHaveLength(3);
    expect(new Set(claimed).size).toBe(3);
  });

  it('writes every status change with its event, and refuses an illegal one without writing', async () => {
    const { id } = await tier.insertOrder({ status: 'approved' });
    const moved = await tier.orders.transition(id, { to: 'completed', source: 'callback', type: 'callback.RequestCompleted', data: { eventId: randomUUID() } });
    expect(moved.status).toBe('completed');
    await expect(tier.orders.transition(id, { to: 'requested', source: 'api', type: 'loan_request.created' })).rejects.toMatchObject({ code: 'ORDER.ILLEGAL_TRANSITION' });
    const events = await tier.prisma.orderEvent.findMany({ where: { orderId: id } });
    expect(events).toEqual([expect.objectContaining({ type: 'callback.RequestCompleted', fromStatus: 'approved', toStatus: 'completed', source: 'callback' })]);
  });

  it('reads an order back as the domain type: the APR as a number', async () => {
    const { id } = await tier.insertOrder({ apr: '10.360' });
    expect((await tier.orders.findById(id))!.apr).toBe(10.36);
  });
});
