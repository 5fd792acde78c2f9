/** The emulator's memory: orders and loan requests per shop. Nothing is persisted. */
import { randomBytes } from 'node:crypto';

export type SoisyStatus =
  | 'quote'
  | 'request_received'
  | 'request_accepted'
  | 'waiting_for_verification'
  | 'waiting_for_disbursement'
  | 'disbursed'
  | 'cancelled';

export interface OrderAddress {
  city: string | null;
  province: string | null;
  address: string | null;
  civicNumber: string | null;
  postalCode: string | null;
}

export interface Order {
  shopOrderId: number;
  token: string;
  shopId: string;
  firstname: string | null;
  lastname: string | null;
  fiscalCode: string | null;
  vatId: string | null;
  vatCountry: string | null;
  email: string | null;
  mobilePhone: string | null;
  countryCallingCode: string;
  address: OrderAddress;
  loanFinality: string;
  instalmentsNumber: number | null;
  /** Set by create order: the shopper cannot change the number of instalments in the funnel. */
  instalmentsFixed: boolean;
  loanAmount: number | null;
  loanNetAmount: number | null;
  status: SoisyStatus;
  zeroInterestRate: boolean;
  errorUrl: string | null;
  successUrl: string | null;
  callbackUrl: string | null;
  orderReference: string | null;
  createdAt: string;
  updatedAt: string;
  loanDisbursedAt: string | null;
  loanVerifiedAt: string | null;
  loanSignedAt: string | null;
  /** Emulator-only bookkeeping, shown by the control API. */
  matchTriggers: { amount: number; at: string }[];
  funnelOutcome: 'completed' | 'abandoned' | null;
}

export interface LoanRequest {
  shopId: string;
  fiscalCode: string;
  amount: number;
  instalments: number;
  zeroInterestRate: boolean;
  additionalDataNeeded: boolean;
  fields: Record<string, unknown>;
  createdAt: string;
  /** Set once an approval has been evaluated: a second evaluation is refused. */
  approval: { approved: boolean; orderToken: string; at: string } | null;
}

export class EmulatorState {
  readonly orders = new Map<string, Order>();
  /** Keyed by `${shopId}/${fiscalCode}`. */
  readonly requests = new Map<string, LoanRequest>();
  private nextShopOrderId = 1;

  newOrderIdentity(): { token: string; shopOrderId: number } {
    return { token: randomBytes(12).toString('hex'), shopOrderId: this.nextShopOrderId++ };
  }

  findOrder(shopId: string, token: string): Order | undefined {
    const order = this.orders.get(token);
    return order?.shopId === shopId ? order : undefined;
  }

  findRequest(shopId: string, fiscalCode: string): LoanRequest | undefined {
    return this.requests.get(`${shopId}/${fiscalCode.toUpperCase()}`);
  }

  saveRequest(request: LoanRequest): void {
    this.requests.set(`${request.shopId}/${request.fiscalCode}`, request);
  }

  touch(order: Order): void {
    order.updatedAt = new Date().toISOString();
  }

  clear(): void {
    this.orders.clear();
    this.requests.clear();
    this.nextShopOrderId = 1;
  }
}
