/**
 * The gateway's own vocabulary for Soisy's calls. Soisy's spellings live only in `soisy-wire.ts`;
 * callers of `SoisyGateway` never see them.
 */

/** Money is always integer euro cents, as on Soisy's wire; never a float. */
export type Cents = number;
/** Soisy's opaque order token: a capability, never logged in full. */
export type OrderToken = string;

export type SoisyOrderStatus =
  | 'quote'
  | 'request_received'
  | 'request_accepted'
  | 'waiting_for_verification'
  | 'waiting_for_disbursement'
  | 'disbursed'
  | 'cancelled';

export interface LoanQuoteQuery {
  amountCents: Cents;
  instalments: number;
  /** Omitted: the shop's own setting applies. */
  zeroInterestRate?: boolean;
}

export interface LoanQuote {
  feeCents: Cents;
  interestCents: Cents;
  /** TAN, percent (a rate, so a float is right here). */
  interestRate: number;
  totalRepaidCents: Cents;
  /** TAEG, percent. */
  apr: number;
  instalmentAmountCents: Cents;
}

export interface LoanQuotes {
  min: LoanQuote;
  median: LoanQuote;
  max: LoanQuote;
}

export interface OrderCustomer {
  email?: string;
  firstname?: string;
  lastname?: string;
  fiscalCode?: string;
  /** National number, without the prefix (that is `countryCallingCode`). */
  mobilePhone?: string;
  /** `+` and digits, e.g. `+39`; Soisy's default when absent. */
  countryCallingCode?: string;
  address?: string;
  civicNumber?: string;
  city?: string;
  province?: string;
  postalCode?: string;
}

export interface CreateOrderInput {
  amountCents: Cents;
  /** When set, the shopper cannot change it in Soisy's funnel. */
  instalments?: number;
  /** The merchant's own id, echoed by Soisy in callbacks. */
  orderReference: string;
  successUrl?: string;
  errorUrl?: string;
  callbackUrl: string;
  zeroInterestRate?: boolean;
  customer?: OrderCustomer;
}

export interface CreatedOrder {
  token: OrderToken;
  redirectUrl: string;
}

/** Soisy's authoritative view of an order, without the shopper's personal data. */
export interface SoisyOrder {
  token: OrderToken;
  status: SoisyOrderStatus;
  amountCents: Cents;
  netAmountCents?: Cents;
  instalments?: number;
  orderReference?: string;
  zeroInterestRate?: boolean;
  /** Timestamps exactly as Soisy wrote them (its format is undocumented). */
  createdAt?: string;
  updatedAt?: string;
  loanSignedAt?: string;
  loanVerifiedAt?: string;
  loanDisbursedAt?: string;
}
