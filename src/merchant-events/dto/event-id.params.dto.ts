import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class EventIdParamsDto {
  /** The event's id, as in its payload and the `webhook-id` header. */
  @ApiProperty({ example: '0b9f6d1e-4c1a-4a7e-9a43-2f1d8c7b5e10' })
  @IsUUID('all', { message: 'id must be an event id (a UUID)' })
  id!: string;
}
