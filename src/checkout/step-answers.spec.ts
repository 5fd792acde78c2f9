import type { IssuedOrder as Order } from '../orders/order.js';
import { toOrderView } from '../orders/order-view.mapper.js';
import { approvalAnswer, loanRequestAnswer } from './step-answers.js';

const at = new Date('2025-06-15T10:00:00.000Z');
const requested = {
  id: '7b0c', token: 'tok', amountCents: 100000, instalments: 12, zeroInterestRate: false, fiscalCode: 'RSSMRA85T10A562S', status: 'requested',
  apr: 10.36, instalmentAmountCents: 8787, totalRepaymentCents: 105444, additionalDataNeeded: false,
  netAmountCents: null, paymentDayOfMonth: null, redirectUrl: 'https://soisy/funnel-of-create', callbackSecret: 'very-secret',
  loanFingerprint: 'f'.repeat(64), approvalFingerprint: null, stepClaim: null, stepClaimId: null, stepClaimExpiresAt: null, createdAt: at, updatedAt: at,
} as unknown as Order;
const approved = { ...requested, status: 'approved', netAmountCents: 98000, paymentDayOfMonth: 15, redirectUrl: 'https://soisy/documents', approvalFingerprint: 'a'.repeat(64) } as Order;

describe('a checkout step\'s answer, read from the order', () => {
  it('gives the loan offer as stored, with the APR as a number and the order\'s status', () => {
    expect(loanRequestAnswer(requested)).toEqual({ apr: 10.36, instalmentAmount: 8787, totalRepayment: 105444, zeroInterestRate: false, additionalDataNeeded: false, status: 'requested' });
  });

  it('gives an approval with Soisy\'s figures and the status the order has now, even past approved', () => {
    expect(approvalAnswer(approved)).toEqual({ approved: true, status: 'approved', redirectUrl: 'https://soisy/documents', netAmount: 98000, paymentDayOfMonth: 15 });
    expect(approvalAnswer({ ...approved, status: 'completed' })).toMatchObject({ approved: true, status: 'completed' });
  });

  it('gives a refusal, which stores no figures, as approved false', () => {
    expect(approvalAnswer({ ...requested, status: 'refused', approvalFingerprint: 'a'.repeat(64) })).toEqual({ approved: false, status: 'refused' });
    expect(approvalAnswer({ ...requested, status: 'cancelled' })).toEqual({ approved: false, status: 'cancelled' });
  });

  it('never hands out the fingerprints of the shopper\'s requests', () => {
    const shown = JSON.stringify([loanRequestAnswer(approved), approvalAnswer(approved), toOrderView({ ...approved, events: [] })]);
    expect(shown).not.toContain('f'.repeat(64));
    expect(shown).not.toContain('a'.repeat(64));
  });
});
