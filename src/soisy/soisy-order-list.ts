import { parse } from 'csv-parse/sync';
import { MalformedSoisyResponse } from './soisy-wire-responses.js';
import { normaliseSoisyStatus } from './soisy-status.js';
import { readSoisyTimestamp } from './soisy-timestamp.js';
import type { Cents, OrderToken, SoisyOrderStatus } from './soisy.types.js';

/**
 * One line of Soisy's order list (`GET /shops/{shopId}/orders`, `Accept: text/csv`), without the
 * shopper's personal data (the list's name and email columns are never read).
 */
export interface SoisyOrderListEntry {
  token: OrderToken;
  /** The merchant's reference as given at creation; undefined when Soisy has none. */
  orderReference?: string;
  /** Normalised (either spelling); undefined for a status this service does not know. */
  status?: SoisyOrderStatus;
  /** Integer euro cents, as on the rest of Soisy's wire; undefined when the cell is not one. */
  amountCents?: Cents;
  netAmountCents?: Cents;
  instalments?: number;
  /** When Soisy created the order; undefined when the cell is empty or in an unknown format. */
  createdAt?: Date;
}

/** The columns this reader relies on; the others (and any Soisy adds) are ignored. */
const REQUIRED_COLUMNS = ['token', 'orderReference', 'status', 'loanAmount', 'createdAt'] as const;

/**
 * Soisy's CSV order list → entries. Quoting and escaping (RFC 4180, commas and quotes inside
 * names, CRLF or LF, a BOM) are csv-parse's job. A list without the columns we rely on is refused
 * (MalformedSoisyResponse naming the first missing one); a line without a token is skipped.
 */
export function readOrderListCsv(data: unknown): SoisyOrderListEntry[] {
  if (typeof data !== 'string') throw new MalformedSoisyResponse('body');
  if (data.trim() === '') return [];
  let rows: Record<string, string>[];
  try {
    rows = parse(data, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch {
    throw new MalformedSoisyResponse('body');
  }
  const header = rows.length > 0 ? Object.keys(rows[0]) : headerOf(data);
  const missing = REQUIRED_COLUMNS.find((column) => !header.includes(column));
  if (missing) throw new MalformedSoisyResponse(missing);
  return rows.filter((row) => row.token).map(entryOf);
}

function headerOf(data: string): string[] {
  const [columns] = parse(data, { bom: true, to_line: 1, trim: true }) as string[][];
  return columns ?? [];
}

function entryOf(row: Record<string, string>): SoisyOrderListEntry {
  const entry: SoisyOrderListEntry = { token: row.token };
  if (row.orderReference) entry.orderReference = row.orderReference;
  const status = normaliseSoisyStatus(row.status);
  if (status) entry.status = status;
  const amountCents = wholeNumber(row.loanAmount);
  if (amountCents !== undefined) entry.amountCents = amountCents;
  const netAmountCents = wholeNumber(row.loanNetAmount);
  if (netAmountCents !== undefined) entry.netAmountCents = netAmountCents;
  const instalments = wholeNumber(row.instalmentsNumber);
  if (instalments !== undefined) entry.instalments = instalments;
  const createdAt = readSoisyTimestamp(row.createdAt);
  if (createdAt) entry.createdAt = createdAt;
  return entry;
}

function wholeNumber(cell: string | undefined): number | undefined {
  if (!cell || !/^\d+$/.test(cell)) return undefined;
  const value = Number(cell);
  return Number.isSafeInteger(value) ? value : undefined;
}
