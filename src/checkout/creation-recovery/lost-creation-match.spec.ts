import { absenceEstablished, matchLostCreation, SOISY_CLOCK_SKEW_MS } from './lost-creation-match.js';

const startedAt = new Date('2026-11-29T08:00:00Z');
const lost = { orderReference: 'ORD-1', amountCents: 100000, creationStartedAt: startedAt };
const entry = (token: string, extra: Record<string, unknown> = {}) => ({ token, orderReference: 'ORD-1', amountCents: 100000, createdAt: new Date(startedAt.getTime() + 500), ...extra });

describe('finding the Soisy order of a lost creation', () => {
  it('finds the one order with its reference and amount created since the attempt started', () => {
    const entries = [entry('other', { orderReference: 'ORD-2' }), entry('mine')];
    expect(matchLostCreation(lost, entries, new Set())).toEqual({ kind: 'found', entry: entries[1] });
  });

  it('ignores orders older than the attempt (beyond clock skew), of another amount, or already linked', () => {
    const entries = [
      entry('old', { createdAt: new Date(startedAt.getTime() - SOISY_CLOCK_SKEW_MS - 1000) }),
      entry('cheaper', { amountCents: 5000 }),
      entry('linked'),
    ];
    expect(matchLostCreation(lost, entries, new Set(['linked']))).toEqual({ kind: 'missing' });
    expect(matchLostCreation(lost, [entry('skewed', { createdAt: new Date(startedAt.getTime() - 1000) })], new Set()).kind).toBe('found');
  });

  it('adopts nothing when two orders fit', () => {
    expect(matchLostCreation(lost, [entry('a'), entry('b', { createdAt: undefined })], new Set())).toEqual({ kind: 'ambiguous', count: 2 });
  });

  it("takes Soisy's absence as established only from a list read after the attempt ended plus the grace", () => {
    const endsBy = new Date('2026-11-29T08:01:00Z');
    expect(absenceEstablished(new Date('2026-11-29T08:01:59Z'), endsBy, 60_000)).toBe(false);
    expect(absenceEstablished(new Date('2026-11-29T08:02:00Z'), endsBy, 60_000)).toBe(true);
  });
});
