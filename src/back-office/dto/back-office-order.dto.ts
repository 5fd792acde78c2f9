import { ApiProperty } from '@nestjs/swagger';
import { OrderStatus, ReleaseStatus } from '../../orders/order.js';

/** The release (Soisy match-trigger) of a suspended order. */
export class ReleaseView {
  /** `unknown`: a match-trigger may have reached Soisy unanswered; never retried automatically. */
  @ApiProperty({ enum: ReleaseStatus, example: 'scheduled' })
  status: ReleaseStatus;
  /** Integer euro cents to be (or that were) released. */
  amount: number | null;
  /** When a scheduled release is due. */
  releaseAt: string | null;
  releasedAt: string | null;
  /** Match-trigger attempts made so far. */
  attempts: number;
  /** When the scheduler tries again (scheduled releases after a failure). */
  nextAttemptAt: string | null;
  /** Why the last attempt did not release the order. */
  lastError: string | null;
  /**
   * The back-office key's name of the operator who resolved the last unknown outcome
   * (POST …/release/resolution), or null when Soisy's answer settled it. With `released`, `releasedAt`
   * is the resolution's time.
   */
  @ApiProperty({ example: null, nullable: true, type: String })
  resolvedBy: string | null;
}

/** An order as the merchant's back office sees it; personal data masked. */
export class BackOfficeOrderDto {
  /** Soisy's order token; null while the order is being created. */
  token: string | null;
  orderReference: string;
  @ApiProperty({ enum: OrderStatus, example: 'approved' })
  status: OrderStatus;
  /** Soisy's own status, normalised, as last seen. */
  soisyStatus: string | null;
  /** Why the order needs a human look (e.g. a disbursed amount that differs from the order's). */
  statusDetail: string | null;
  /** Integer euro cents. */
  amount: number;
  /** What the merchant is credited, integer euro cents. */
  netAmount: number | null;
  instalments: number | null;
  /**
   * Masked: first six characters and the last.
   * @example "RSSMRA*********S"
   */
  fiscalCode: string | null;
  release: ReleaseView;
  lastSyncedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The latest back-office action on an order (who did what). */
export class BackOfficeActionDto {
  /** The event it recorded, e.g. `release.attempt_started`, `order.merchant_cancelled`, `release.succeeded`. */
  @ApiProperty({ example: 'order.merchant_cancelled' })
  type: string;
  /** The back-office key's name (`ADMIN_API_KEYS` entry `name:key`), never the key. */
  @ApiProperty({ example: 'ops-anna' })
  actor: string;
  @ApiProperty({ example: '2026-11-29T10:15:00.000Z' })
  at: string;
}

/** An order in the back office's list: the order, and the latest back-office action on it. */
export class BackOfficeOrderListItemDto extends BackOfficeOrderDto {
  /** Null when no back-office key acted on the order (only the storefront, Soisy and the scheduler did). */
  @ApiProperty({ type: BackOfficeActionDto, nullable: true })
  lastBackOfficeAction: BackOfficeActionDto | null;
}

export class OrderPageDto {
  items: BackOfficeOrderListItemDto[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}
