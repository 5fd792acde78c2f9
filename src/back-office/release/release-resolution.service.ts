import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { OrdersRepository } from '../../orders/orders.repository.js';
import { toBackOfficeOrder } from '../back-office-order.view.js';
import type { BackOfficeOrderDto } from '../dto/back-office-order.dto.js';
import type { ReleaseResolutionDto } from './dto/release-resolution.dto.js';
import { ReleaseErrors } from './release.errors.js';

/**
 * POST /v1/orders/{token}/release/resolution: a human's answer to a release in `unknown` (see
 * OrdersRepository.resolutions). Never calls Soisy. Idempotent: the same outcome again, with
 * nothing changed since, answers the same order; any other release state is a 409 naming it.
 */
@Injectable()
export class ReleaseResolutionService {
  constructor(
    private readonly orders: OrdersRepository,
    private readonly clock: Clock,
  ) {}

  async resolve(token: string, dto: ReleaseResolutionDto, actor: string): Promise<BackOfficeOrderDto> {
    const order = await this.orders.findByTokenOrThrow(token);
    const result = await this.orders.resolutions.resolve(order.id, { outcome: dto.outcome, note: dto.note.trim(), actor, now: this.clock.now() });
    if (result.kind === 'refused') throw ReleaseErrors.notUnknown(result.releaseStatus);
    return toBackOfficeOrder(result.order);
  }
}
