/**
 * Idempotency-Key support (Stripe's semantics), for any route that must run exactly once.
 *
 *   @Post()
 *   create(@Body() dto: X, @IdempotencyKey() key?: string) { return this.service.create(dto, key); }
 *
 * and in the service (a `Replayed` is an `Answer`, sent by the app-wide AnswerInterceptor): `identify` → `lookup` (return the Replayed as is) → `begin(tx)` with the work
 * → `complete(tx)` or `discard(tx)` with the outcome. See IdempotencyService.
 */
export { IdempotencyModule } from './idempotency.module.js';
export { IdempotencyService, Replayed, IDEMPOTENCY_KEY_LIFETIME_MS, type IdempotentRequest, type StoredBody } from './idempotency.service.js';
export { IdempotencyKey, IDEMPOTENCY_KEY_HEADER } from './idempotency-key.decorator.js';
export { Answer, REPLAYED_HEADER } from '../http/answer.js';
export { IdempotencyErrors } from './idempotency.errors.js';
export { canonicalJson, requestFingerprint, type FingerprintedRequest } from './request-fingerprint.js';
