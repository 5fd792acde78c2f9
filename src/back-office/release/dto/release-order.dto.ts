import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min, ValidateIf } from 'class-validator';
import { IsIsoInstant } from '../../../common/validation/iso-instant.js';
import { CENTS } from '../../../common/validation/cents.js';

/** Starts a suspended order's financing (Soisy match-trigger), now or at a given time. */
export class ReleaseOrderDto {
  /**
   * Integer euro cents to release; defaults to the order amount and may not exceed it.
   * @example 100000
   */
  @IsOptional()
  @IsInt(CENTS)
  @Min(1)
  amount?: number;

  /**
   * When to release: an ISO 8601 date-time with Z or an offset, in the future and at most two years
   * ahead. Omitted: now. `null` is refused rather than read as "now".
   * @example "2026-12-01T09:00:00Z"
   */
  @ApiPropertyOptional({ format: 'date-time' })
  @ValidateIf((_, value) => value !== undefined)
  @IsIsoInstant()
  releaseAt?: string;
}
