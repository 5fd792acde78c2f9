import { merchantEventTypeFor } from '../../orders/outbox/merchant-event-mapping.js';
import { expiryVerdict } from './expiry-verdict.js';

const found = (soisyStatus: string, confirmed: 'created' | 'requested' | 'approved' | 'completed' | 'cancelled', applied: boolean) =>
  ({ kind: 'found', soisyStatus, confirmed, applied }) as const;

describe('whether Soisy agrees an order is abandoned', () => {
  it('expires an order Soisy has at the same stage or an earlier one', () => {
    expect(expiryVerdict('created', found('quote', 'created', false))).toEqual({ outcome: 'expire', data: { soisyStatus: 'quote' } });
    expect(expiryVerdict('requested', found('request_received', 'requested', false))).toEqual({ outcome: 'expire', data: { soisyStatus: 'request_received' } });
    expect(expiryVerdict('requested', found('quote', 'created', false))).toEqual({ outcome: 'expire', data: { soisyStatus: 'quote' } });
  });

  it('expires an order whose token Soisy no longer knows', () => {
    expect(expiryVerdict('requested', { kind: 'not_found' })).toEqual({ outcome: 'expire', data: { soisyStatus: null, soisyAnswer: 'not_found' } });
  });

  it('never expires an order Soisy has further on: the sync applied it (cancelled told apart)', () => {
    expect(expiryVerdict('created', found('request_received', 'requested', true))).toEqual({ outcome: 'moving' });
    expect(expiryVerdict('requested', found('request_accepted', 'approved', true))).toEqual({ outcome: 'moving' });
    expect(expiryVerdict('requested', found('cancelled', 'cancelled', true))).toEqual({ outcome: 'cancelled' });
  });

  it('leaves an order Soisy has further on that someone else moved meanwhile', () => {
    expect(expiryVerdict('created', found('waiting_for_verification', 'completed', false))).toEqual({ outcome: 'changed' });
    expect(expiryVerdict('created', found('request_received', 'requested', false))).toEqual({ outcome: 'changed' });
  });

  it('tells the merchant order.expired when an order enters expired', () => {
    expect(merchantEventTypeFor({ type: 'order.expired', fromStatus: 'requested', toStatus: 'expired' })).toBe('order.expired');
  });
});
