import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';

export const RESOLUTION_OUTCOMES = ['released', 'not_released'] as const;
export const RESOLUTION_NOTE_MAX_LENGTH = 500;

/** What a human established with Soisy about a release whose outcome is `unknown`. */
export class ReleaseResolutionDto {
  /**
   * `released`: Soisy did receive the match-trigger (settled as released, no call to Soisy).
   * `not_released`: it did not; the order may be released (or scheduled) again, which then sends one match-trigger.
   */
  @ApiProperty({ enum: RESOLUTION_OUTCOMES, example: 'released' })
  @IsIn(RESOLUTION_OUTCOMES, { message: 'outcome must be one of: released, not_released' })
  outcome!: (typeof RESOLUTION_OUTCOMES)[number];

  /**
   * How it was established (e.g. who at Soisy confirmed it), at most 500 characters; kept in the
   * order's history with the key's name. Not for personal data: it is erased with the order's
   * personal data after the retention period.
   */
  @ApiProperty({ example: 'Soisy partner support confirmed the financing started on 29/11', maxLength: RESOLUTION_NOTE_MAX_LENGTH })
  @IsString({ message: 'note must be a string' })
  @Matches(/\S/, { message: 'note must not be blank' })
  @MaxLength(RESOLUTION_NOTE_MAX_LENGTH, { message: `note must be at most ${RESOLUTION_NOTE_MAX_LENGTH} characters` })
  note!: string;
}
