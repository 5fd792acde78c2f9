import { ApiProperty } from '@nestjs/swagger';
import { OrderStatus } from '../../orders/order.js';
import { BackOfficeOrderDto } from './back-office-order.dto.js';

export class SyncOutcomeDto {
  /** Soisy's status, normalised (e.g. `waiting_for_verification`). */
  soisyStatus: string;
  @ApiProperty({ enum: OrderStatus })
  from: OrderStatus;
  /** The local status Soisy's status means. */
  @ApiProperty({ enum: OrderStatus })
  confirmed: OrderStatus;
  /** False when the order already had that status, or the lifecycle forbids the move. */
  applied: boolean;
}

export class SyncedOrderDto {
  order: BackOfficeOrderDto;
  sync: SyncOutcomeDto;
}
