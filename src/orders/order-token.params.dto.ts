import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class OrderTokenParamsDto {
  /** Soisy's order token, as answered by POST /v1/orders. */
  @ApiProperty({ example: 'a1b2c3d4e5f6a7b8c9d0' })
  @Matches(/^[A-Za-z0-9._~-]{1,128}$/, { message: 'token must be an order token as answered by POST /v1/orders' })
  token!: string;
}
