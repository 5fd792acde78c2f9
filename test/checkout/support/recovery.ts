import { query } from '../../support/database.js';

export interface SoisySideOrder {
  token: string;
  orderReference: string | null;
  callbackUrl: string | null;
}

/** The emulator's orders with this reference: what "Soisy" holds, whatever the service believes. */
export async function soisyOrdersWithReference(emulatorUrl: string, orderReference: string): Promise<SoisySideOrder[]> {
  const orders = (await (await fetch(`${emulatorUrl}/__emulator/orders`)).json()) as SoisySideOrder[];
  return orders.filter((order) => order.orderReference === orderReference);
}

export interface LocalOrderRow {
  id: string;
  status: string;
  token: string | null;
  callbackSecret: string;
  statusDetail: string | null;
}

/** The service's row for a reference (undefined before it exists). */
export async function localOrder(databaseUrl: string, orderReference: string): Promise<LocalOrderRow | undefined> {
  const [row] = await query<LocalOrderRow>(databaseUrl, 'SELECT id, status, token, "callbackSecret", "statusDetail" FROM orders WHERE "orderReference" = $1', [orderReference]);
  return row;
}

export async function eventTypes(databaseUrl: string, orderId: string): Promise<string[]> {
  const rows = await query<{ type: string }>(databaseUrl, 'SELECT type FROM order_events WHERE "orderId" = $1 ORDER BY "createdAt", id', [orderId]);
  return rows.map((row) => row.type);
}
