import type { IssuedOrder, OrderEvent } from './order.js';
import { maskFiscalCode, toOrderView } from './order-view.mapper.js';

describe('the order as the storefront sees it', () => {
  it('masks a fiscal code but for its first six characters and its last', () => {
    expect(maskFiscalCode('RSSMRA85T10A562S')).toBe('RSSMRA*********S');
    expect(maskFiscalCode(null)).toBeNull();
    expect(maskFiscalCode('SHORT')).toBe('*****');
  });

  const at = new Date('2025-06-15T10:00:00.000Z');
  const order = {
    id: '7b0c', token: 'tok', shopId: 'partnershop', orderReference: 'ORD-1', amountCents: 100000, instalments: 12, zeroInterestRate: false,
    fiscalCode: 'RSSMRA85T10A562S', status: 'approved', soisyStatus: null, statusDetail: null, apr: 10.36,
    instalmentAmountCents: 8787, totalRepaymentCents: 105444, additionalDataNeeded: false, netAmountCents: 98000, paymentDayOfMonth: 15,
    redirectUrl: 'https://soisy/funnel', successUrl: null, errorUrl: null, callbackSecret: 'very-secret', releaseStatus: 'none',
    releaseAmountCents: null, releaseAt: null, releasedAt: null, releaseAttempts: 0, releaseNextAttemptAt: null, releaseLastError: null, releaseResolvedBy: null,
    lastSyncedAt: null, createdAt: at, updatedAt: at,
  } as IssuedOrder;
  const event = { id: 'e1', orderId: '7b0c', type: 'order.created', fromStatus: 'pending', toStatus: 'created', source: 'api', data: { secret: 1 }, actor: 'ops-anna', createdAt: at } as OrderEvent;

  it('names amounts in cents as the API does, and the APR as a number', () => {
    expect(toOrderView({ ...order, events: [] })).toMatchObject({ amount: 100000, instalmentAmount: 8787, totalRepayment: 105444, netAmount: 98000, apr: 10.36 });
  });

  it('never carries the callback secret, an event\'s private data or the back-office operator who acted', () => {
    const view = toOrderView({ ...order, events: [event] });
    expect(JSON.stringify(view)).not.toContain('very-secret');
    // The storefront's view: who in the merchant's back office acted is the back office's business.
    expect(JSON.stringify(view)).not.toContain('ops-anna');
    expect(view.events).toEqual([{ type: 'order.created', fromStatus: 'pending', toStatus: 'created', source: 'api', at: '2025-06-15T10:00:00.000Z' }]);
  });
});
