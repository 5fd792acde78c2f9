import { ApiProperty } from '@nestjs/swagger';
import { BackOfficeOrderDto } from '../../dto/back-office-order.dto.js';

/** What the merchant must still do on Soisy's side: Soisy's API has no cancel call. */
export class AtSoisyDto {
  /** Always false: this service cannot cancel anything at Soisy. */
  @ApiProperty({ example: false })
  cancelled: false;
  /** Soisy's status as last seen (null if never read); unchanged by this cancellation. */
  @ApiProperty({ example: 'request_accepted', nullable: true, type: String })
  soisyStatus: string | null;
  /** The step the merchant must take, in plain words. */
  @ApiProperty({ example: 'Soisy has no public cancel call ...' })
  action: string;
}

/** The cancelled order, and what is still to do at Soisy. */
export class CancelledOrderDto {
  order: BackOfficeOrderDto;
  atSoisy: AtSoisyDto;
}
