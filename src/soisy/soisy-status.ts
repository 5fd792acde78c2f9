import type { SoisyOrderStatus } from './soisy.types.js';

const KNOWN: ReadonlySet<string> = new Set<SoisyOrderStatus>([
  'quote',
  'request_received',
  'request_accepted',
  'waiting_for_verification',
  'waiting_for_disbursement',
  'disbursed',
  'cancelled',
]);

// Third-party code and older Soisy pages use these spellings for the same states.
const SYNONYMS: Readonly<Record<string, SoisyOrderStatus>> = {
  request_approved: 'request_accepted',
  canceled: 'cancelled',
};

/** Soisy's status in any case and either spelling → ours; `undefined` for a status we do not know. */
export function normaliseSoisyStatus(raw: unknown): SoisyOrderStatus | undefined {
  if (typeof raw !== 'string') return undefined;
  const status = raw.trim().toLowerCase();
  if (KNOWN.has(status)) return status as SoisyOrderStatus;
  return SYNONYMS[status];
}
