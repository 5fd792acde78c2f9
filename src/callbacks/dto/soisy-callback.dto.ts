import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';

// Form bodies carry every value as text; JSON may carry the amount as a number.
const digitsToInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value === '' ? undefined : value;
const blankAsUnset = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * A Soisy callback (form-urlencoded as Soisy sends it; JSON also accepted). Fields Soisy may add
 * later are ignored, not refused: a callback is never answered 400 for carrying more than we know.
 */
export class SoisyCallbackDto {
  /**
   * @example "LoanWasDisbursed"
   */
  @IsString()
  @Matches(/^[A-Za-z]{1,64}$/, { message: 'eventId must be an event name such as LoanWasVerified' })
  eventId: string;

  /**
   * Soisy's local time of the event; with orderToken and eventId it identifies a repeat.
   * @example "2026-11-22 10:15:00"
   */
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  eventDate: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  orderToken: string;

  @IsOptional()
  @Transform(blankAsUnset)
  @IsString()
  @MaxLength(500)
  eventMessage?: string;

  @IsOptional()
  @Transform(blankAsUnset)
  @IsString()
  @MaxLength(200)
  orderReference?: string;

  /** Integer euro cents; sent with LoanWasDisbursed. */
  @IsOptional()
  @Transform(digitsToInt)
  @IsInt()
  @Min(0)
  amount?: number;
}
