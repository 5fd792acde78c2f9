/**
 * A back-office order as answered (personal data masked), for the OpenAPI examples of the back
 * office's routes: each route's example is this one with what its answer changes.
 */
export const BACK_OFFICE_ORDER_EXAMPLE = {
  token: 'a1b2c3d4e5f6a7b8c9d0', orderReference: 'ORD-2025-000123', status: 'verified', soisyStatus: 'waiting_for_disbursement', statusDetail: null,
  amount: 100000, netAmount: 98000, instalments: 10, fiscalCode: 'RSSMRA*********S',
  release: { status: 'none', amount: null, releaseAt: null, releasedAt: null, attempts: 0, nextAttemptAt: null, lastError: null, resolvedBy: null },
  lastSyncedAt: '2026-11-29T10:00:00.000Z', createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-29T10:00:00.000Z',
};

/** The example order with its release (and anything else) as a route's answer leaves it. */
export function backOfficeOrderExample(changes: { release?: Record<string, unknown>; [field: string]: unknown }) {
  const { release, ...order } = changes;
  return { ...BACK_OFFICE_ORDER_EXAMPLE, ...order, release: { ...BACK_OFFICE_ORDER_EXAMPLE.release, ...release } };
}
