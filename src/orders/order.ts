import type { CheckoutStep, EventSource, OrderStatus, ReleaseStatus } from '../generated/prisma/enums.js';

export { CheckoutStep, EventSource, OrderStatus, ReleaseStatus } from '../generated/prisma/enums.js';

/**
 * An order as the code outside `src/orders/persistence` sees it. The database row (Prisma's type,
 * `apr` a Decimal) is turned into this by `toOrder` and never leaves the repository, so a new
 * column does not reach DTOs or the lifecycle until it is added here. Money is integer euro cents.
 */
export interface Order {
  id: string;
  /** Soisy's order token; null only while the create-order call is in flight (or it failed). */
  token: string | null;
  shopId: string;
  orderReference: string;
  amountCents: number;
  /** The order's instalments: the merchant's, then the shopper's choice once a loan request was made. */
  instalments: number | null;
  /** The instalments the merchant fixed at creation (null: the shopper chooses). */
  fixedInstalments: number | null;
  zeroInterestRate: boolean | null;
  fiscalCode: string | null;
  status: OrderStatus;
  soisyStatus: string | null;
  statusDetail: string | null;
  /** Annual percentage rate, e.g. 9.5. */
  apr: number | null;
  instalmentAmountCents: number | null;
  totalRepaymentCents: number | null;
  additionalDataNeeded: boolean | null;
  netAmountCents: number | null;
  paymentDayOfMonth: number | null;
  redirectUrl: string | null;
  successUrl: string | null;
  errorUrl: string | null;
  callbackSecret: string;
  releaseStatus: ReleaseStatus;
  releaseAmountCents: number | null;
  releaseAt: Date | null;
  releasedAt: Date | null;
  releaseAttempts: number;
  releaseNextAttemptAt: Date | null;
  releaseLastError: string | null;
  /** The back-office key's name of the operator who resolved the release's last unknown outcome; null when Soisy's answer settled it. */
  releaseResolvedBy: string | null;
  lastSyncedAt: Date | null;
  stepClaim: CheckoutStep | null;
  stepClaimId: string | null;
  stepClaimExpiresAt: Date | null;
  loanFingerprint: string | null;
  approvalFingerprint: string | null;
  creationStartedAt: Date | null;
  creationEndsBy: Date | null;
  creationIdempotencyKey: string | null;
  creationRequestHash: string | null;
  recoveryNextCheckAt: Date | null;
  /** The expiry job's lease while it confirms an old `created`/`requested` order with Soisy. */
  expiryNextCheckAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An order Soisy has issued a token for: from then on the token is never null. */
export type IssuedOrder = Order & { token: string };

export function isIssued(order: Order): order is IssuedOrder {
  return order.token !== null;
}

/** JSON kept with an event; never personal data. */
export type EventJson = string | number | boolean | null | EventJson[] | { [key: string]: EventJson | undefined };
export type EventData = { [key: string]: EventJson | undefined };

/** One entry of an order's append-only history. */
export interface OrderEvent {
  type: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  source: EventSource;
  data: unknown;
  /** The back-office key's name for a back-office action (never the key); null otherwise. */
  actor: string | null;
  createdAt: Date;
}

export type OrderWithEvents = IssuedOrder & { events: OrderEvent[] };

/** Columns an order change may set beside its status (figures from Soisy, redirect URL, …). */
export type OrderPatch = Partial<Omit<Order, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'callbackSecret' | 'shopId' | 'orderReference'>>;
