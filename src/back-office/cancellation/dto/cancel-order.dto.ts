import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export const CANCEL_REASON_MAX_LENGTH = 500;

/** The merchant's cancellation of an order that is neither released nor disbursed. */
export class CancelOrderDto {
  /**
   * Why, at most 500 characters; kept in the order's history with the back-office key's name. Not
   * for personal data: it is erased with the order's personal data after the retention period.
   */
  @ApiProperty({ example: 'Out of stock: the customer was refunded in store', maxLength: CANCEL_REASON_MAX_LENGTH })
  @IsString({ message: 'reason must be a string' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(CANCEL_REASON_MAX_LENGTH, { message: `reason must be at most ${CANCEL_REASON_MAX_LENGTH} characters` })
  reason!: string;
}
