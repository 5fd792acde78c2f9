/** The order as Soisy's Get order and CSV list show it (without the emulator's own bookkeeping). */
import type { Order } from './state.js';

export function orderView(order: Order): Record<string, unknown> {
  const { instalmentsFixed: _fixed, matchTriggers: _triggers, funnelOutcome: _funnel, countryCallingCode: _prefix, ...view } = order;
  return { ...view, address: { ...order.address } };
}

const CSV_COLUMNS = [
  'shopOrderId', 'token', 'orderReference', 'status', 'loanAmount', 'loanNetAmount', 'instalmentsNumber',
  'zeroInterestRate', 'firstname', 'lastname', 'email', 'createdAt', 'updatedAt', 'loanDisbursedAt',
] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function ordersCsv(orders: Order[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const order of orders) lines.push(CSV_COLUMNS.map((column) => csvCell(order[column])).join(','));
  return `${lines.join('\n')}\n`;
}
