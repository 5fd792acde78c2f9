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

export class OrderPageDto {
  items: BackOfficeOrderDto[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}
