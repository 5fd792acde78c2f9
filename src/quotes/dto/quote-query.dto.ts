import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional } from 'class-validator';
import { CENTS } from '../../common/validation/cents.js';

/** Query-string booleans arrive as text; anything but true/false/1/0 stays text and fails @IsBoolean. */
export const toBoolean = ({ value }: { value: unknown }): unknown =>
  ({ true: true, '1': true, false: false, '0': false })[String(value)] ?? value;

export class QuoteQueryDto {
  /** The price to finance, in integer euro cents; within the configured limits (default 10000–1500000). */
  @ApiProperty({ example: 100000, type: 'integer' })
  @Type(() => Number)
  @IsInt(CENTS)
  amount!: number;

  /** Number of monthly instalments; within the configured limits (default 3–60). */
  @ApiProperty({ example: 12, type: 'integer' })
  @Type(() => Number)
  @IsInt()
  instalments!: number;

  /** Interest-free financing (the merchant pays the interest). Omitted: the shop's own setting. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  zeroInterestRate?: boolean;
}
