import { Clock } from '../common/clock.js';
import type { SoisyGateway, SoisyOrderStatus } from '../soisy/index.js';
import type { IssuedOrder, Order } from './order.js';
import { OrderSyncService } from './order-sync.service.js';
import type { OrderNote, OrdersRepository, Transition } from './orders.repository.js';

const NOW = new Date('2026-11-22T10:00:00Z');
const cause = { source: 'callback' as const, type: 'callback.LoanWasApproved', recordUnchanged: true };

function sutWith(soisyStatus: SoisyOrderStatus) {
  const moves: Transition[] = [];
  const notes: Array<OrderNote | undefined> = [];
  const gateway = { getOrder: async () => ({ token: 'tok', status: soisyStatus, amountCents: 100000 }) };
  const sync = { recordSeen: async (_id: string, _seen: unknown, event?: OrderNote) => (notes.push(event), {}) };
  const orders = { transition: async (_id: string, transition: Transition) => (moves.push(transition), { status: transition.to }), sync };
  const clock = { now: () => NOW } as Clock;
  const sut = new OrderSyncService(gateway as unknown as SoisyGateway, orders as unknown as OrdersRepository, clock);
  return { sut, moves, notes };
}

const order = (status: Order['status'], minutesAgo = 60) =>
  ({ id: 'o1', token: 'tok', status, updatedAt: new Date(NOW.getTime() - minutesAgo * 60_000) }) as IssuedOrder;

describe('following Soisy\'s status', () => {
  it('moves the order to the status Get order reports', async () => {
    const { sut, moves } = sutWith('waiting_for_disbursement');
    const result = await sut.syncOrder(order('approved'), cause);
    expect(result).toMatchObject({ applied: true, confirmed: 'verified' });
    expect(moves).toEqual([expect.objectContaining({ to: 'verified', source: 'callback', type: 'callback.LoanWasApproved' })]);
  });

  it('records, and does not apply, a status behind the local one', async () => {
    const { sut, moves, notes } = sutWith('waiting_for_verification');
    expect(await sut.syncOrder(order('disbursed'), cause)).toMatchObject({ applied: false });
    expect(moves).toEqual([]);
    expect(notes[0]?.type).toBe('callback.LoanWasApproved.not_applied');
  });

  it('applies Soisy\'s decision on a requested order at once (the approval route keeps its figures either way)', async () => {
    const { sut } = sutWith('request_accepted');
    expect(await sut.syncOrder(order('requested', 1), cause)).toMatchObject({ applied: true, confirmed: 'approved' });
  });

  it('stays quiet about an unchanged order when asked to', async () => {
    const { sut, notes } = sutWith('request_accepted');
    await sut.syncOrder(order('approved'), { ...cause, recordUnchanged: false });
    expect(notes).toEqual([undefined]);
  });

  it('keeps Get order\'s net amount when the order has none, only when believable, and never over the approval\'s own', async () => {
    const moved = async (netAmountCents: number, own: number | null) => {
      const moves: Transition[] = [];
      const gateway = { getOrder: async () => ({ token: 'tok', status: 'request_accepted', amountCents: 100000, netAmountCents }) };
      const orders = { transition: async (_id: string, transition: Transition) => (moves.push(transition), { status: transition.to }), sync: {} };
      const sut = new OrderSyncService(gateway as unknown as SoisyGateway, orders as unknown as OrdersRepository, { now: () => NOW } as Clock);
      await sut.syncOrder({ ...order('requested'), amountCents: 100000, netAmountCents: own } as IssuedOrder, cause);
      return moves[0]?.patch?.netAmountCents;
    };
    expect(await moved(98000, null)).toBe(98000);
    expect(await moved(150000, null)).toBeUndefined(); // more than the amount: not believed
    expect(await moved(0, null)).toBeUndefined();
    expect(await moved(97000, 98000)).toBeUndefined(); // the approval's answer stands
  });
});
