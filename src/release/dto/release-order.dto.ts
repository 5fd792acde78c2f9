import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Min } from 'class-validator';

/** Starts a suspended order's financing (Soisy match-trigger), now or at a given time. */
export class ReleaseOrderDto {
  /**
   * Integer euro cents to release; defaults to the order amount and may not exceed it.
   * @example 100000
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  amount?: number;

  /**
   * When to release (ISO 8601). Omitted: now. A time in the past is due at the next scheduler tick.
   * @example "2026-12-01T09:00:00Z"
   */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  releaseAt?: Date;
}
