import { Injectable } from '@nestjs/common';
import type { PendingAttempt, Tx } from '../../orders/orders.repository.js';
import type { CreatedOrderDto } from '../dto/created-order.dto.js';
import { CREATE_ORDER_SCOPE } from './create-order-scope.js';

/**
 * Creation recovery's writes beside the order's (which are the core's, OrdersRepository.recovery):
 * the idempotency record of the attempt, inside the transaction that decides the order.
 */
@Injectable()
export class CreationRecoveryRepository {
  /** Completes (or, when a crash or an abandoned-key cleanup removed it, re-creates) the attempt's key record. */
  async storeAnswer(tx: Tx, attempt: PendingAttempt, answer: CreatedOrderDto, now: Date): Promise<void> {
    if (!attempt.creationIdempotencyKey || !attempt.creationRequestHash) return;
    const body = JSON.stringify(answer);
    await tx.$executeRaw`
      INSERT INTO idempotency_records (id, scope, key, "requestHash", "responseStatus", "responseBody", "createdAt", "completedAt")
      VALUES (gen_random_uuid(), ${CREATE_ORDER_SCOPE}, ${attempt.creationIdempotencyKey}, ${attempt.creationRequestHash}, 201, ${body}::jsonb, ${attempt.creationStartedAt}, ${now})
      ON CONFLICT (scope, key) DO UPDATE SET "responseStatus" = 201, "responseBody" = EXCLUDED."responseBody", "completedAt" = EXCLUDED."completedAt"
      WHERE idempotency_records."requestHash" = EXCLUDED."requestHash" AND idempotency_records."responseStatus" IS NULL`;
  }

  /** The attempt's unfinished key record (a crash left it) would answer 409 for minutes: the retry may run now. */
  async forgetUnfinished(tx: Tx, attempt: PendingAttempt): Promise<void> {
    if (!attempt.creationIdempotencyKey) return;
    await tx.idempotencyRecord.deleteMany({ where: { scope: CREATE_ORDER_SCOPE, key: attempt.creationIdempotencyKey, responseStatus: null } });
  }
}
