import type { SoisyOrderListEntry } from '../../soisy/index.js';
import { compareOrderList, type LocalOrderFigures, mismatchDetail, statusesAgree } from './order-list-comparison.js';

const ours = (overrides: Partial<LocalOrderFigures> = {}): LocalOrderFigures => ({
  id: 'o1', token: 'tok-1', orderReference: 'ORD-1', status: 'approved', amountCents: 100000, netAmountCents: null, statusDetail: null, ...overrides,
});
const listed = (overrides: Partial<SoisyOrderListEntry> = {}): SoisyOrderListEntry => ({
  token: 'tok-1', orderReference: 'ORD-1', status: 'request_accepted', amountCents: 100000, createdAt: new Date('2026-11-29T10:00:00Z'), ...overrides,
});

describe("comparing Soisy's order list with our orders", () => {
  it('finds nothing to report when both agree', () => {
    const result = compareOrderList([listed()], [ours()]);
    expect(result).toMatchObject({ orphans: [], mismatches: [] });
    expect(result.agreeing.map(({ id }) => id)).toEqual(['o1']);
  });

  it('reports an order Soisy has and we do not as an orphan, with only what finds it', () => {
    const { orphans } = compareOrderList([listed({ token: 'tok-lost', orderReference: 'ORD-LOST', status: 'quote' })], [ours()]);
    expect(orphans).toEqual([{ token: 'tok-lost', orderReference: 'ORD-LOST', soisyStatus: 'quote', amount: 100000, createdAt: '2026-11-29T10:00:00.000Z', localStatus: null }]);
  });

  it('says when our order with the same reference is still pending (its answer was lost)', () => {
    const { orphans } = compareOrderList([listed({ token: 'tok-lost' })], [ours({ token: null, status: 'pending' })]);
    expect(orphans[0]).toMatchObject({ token: 'tok-lost', localStatus: 'pending' });
  });

  it('reports status and amount differences with both sides', () => {
    const { mismatches } = compareOrderList([listed({ status: 'disbursed', amountCents: 90000, netAmountCents: 88000 })], [ours({ netAmountCents: 98000 })]);
    expect(mismatches).toEqual([expect.objectContaining({
      token: 'tok-1', differences: ['status', 'amount', 'netAmount'], localStatus: 'approved', soisyStatus: 'disbursed',
      amount: 100000, soisyAmount: 90000, netAmount: 98000, soisyNetAmount: 88000,
    })]);
    expect(mismatchDetail(mismatches[0])).toBe(
      'RECONCILIATION.MISMATCH: status (Soisy: disbursed, ours: approved); amount (Soisy: 90000, ours: 100000); netAmount (Soisy: 88000, ours: 98000)',
    );
  });

  it("lists a merchant cancellation Soisy has not cancelled yet apart, not as a mismatch; Soisy's cancelled agrees, its disbursed does not", () => {
    const cancelledHere = ours({ status: 'cancelled', statusDetail: 'ORDER.CANCELLED_BY_MERCHANT' });
    for (const status of ['quote', 'request_received', 'request_accepted', 'waiting_for_verification', 'waiting_for_disbursement'] as const) {
      const result = compareOrderList([listed({ status })], [cancelledHere]);
      expect(result).toMatchObject({ mismatches: [], cancelledHereOnly: [{ token: 'tok-1', orderReference: 'ORD-1', soisyStatus: status, amount: 100000 }] });
      expect(result.agreeing).toHaveLength(1);
    }
    expect(compareOrderList([listed({ status: 'cancelled' })], [cancelledHere])).toMatchObject({ mismatches: [], cancelledHereOnly: [] });
    expect(compareOrderList([listed({ status: 'disbursed' })], [cancelledHere])).toMatchObject({
      cancelledHereOnly: [], mismatches: [expect.objectContaining({ differences: ['status'], soisyStatus: 'disbursed' })],
    });
    // An amount difference is still one; a cancellation by Soisy (no merchant detail) is compared as before.
    expect(compareOrderList([listed({ status: 'quote', amountCents: 90000 })], [cancelledHere]).mismatches).toEqual([expect.objectContaining({ differences: ['amount'] })]);
    expect(compareOrderList([listed({ status: 'quote' })], [ours({ status: 'cancelled' })]).mismatches).toEqual([expect.objectContaining({ differences: ['status'] })]);
  });

  it('does not compare what one side lacks: an unknown Soisy status, a net amount not yet known', () => {
    const result = compareOrderList([listed({ status: undefined, netAmountCents: 98000 })], [ours({ status: 'verified' })]);
    expect(result.mismatches).toEqual([]);
  });

  it("takes Soisy's cancelled for a loan we saw refused, and the lifecycle's mapping for the rest", () => {
    expect(statusesAgree('refused', 'cancelled')).toBe(true);
    expect(statusesAgree('cancelled', 'cancelled')).toBe(true);
    expect(statusesAgree('completed', 'waiting_for_verification')).toBe(true);
    expect(statusesAgree('requested', 'request_accepted')).toBe(false);
    expect(statusesAgree('refused', 'request_received')).toBe(false);
  });

  it('takes an order we expired, which Soisy still lists as a quote or a request, as agreeing; not one Soisy moved on', () => {
    expect(statusesAgree('expired', 'quote')).toBe(true);
    expect(statusesAgree('expired', 'request_received')).toBe(true);
    expect(statusesAgree('expired', 'request_accepted')).toBe(false);
    expect(statusesAgree('expired', 'cancelled')).toBe(false);
  });
});
