import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service.js';
import { OrderEventWriter } from './order-event-writer.js';
import { MerchantCancellationWrites } from './persistence/merchant-cancellation.writes.js';
import { ReleaseResolutionWrites } from './persistence/release-resolution.writes.js';
import { MismatchFlagWrites } from './persistence/mismatch-flag.writes.js';
import { PersonalDataErasureWrites } from './persistence/personal-data-erasure.writes.js';
import { CreationRecoveryWrites } from './persistence/creation-recovery.writes.js';
import { ExpiryWrites } from './persistence/expiry.writes.js';
import { OrderCreationWrites } from './persistence/order-creation.writes.js';
import { OrderReads } from './persistence/order-reads.js';
import { OrderTransitions } from './persistence/order-transitions.js';
import { ReleaseWrites } from './persistence/release.writes.js';
import { StepClaimWrites } from './persistence/step-claims.writes.js';
import { SyncWrites } from './persistence/sync.writes.js';

export type { AlsoInTransaction, OrderNote, Transition } from './persistence/order-transitions.js';
export type { ClaimedStep } from './persistence/step-claims.writes.js';
export type { LastAction, OrderListFilter, OrderPosition } from './persistence/order-reads.js';
export type { CreatedAtSoisy, PendingOrderDraft } from './persistence/order-creation.writes.js';
export type { AdoptedEntry, PendingAttempt } from './persistence/creation-recovery.writes.js';
export type { AlsoWithOrder } from './persistence/release.writes.js';
export type { SeenFields, StaleOrder } from './persistence/sync.writes.js';
export type { ExpiryClaim } from './persistence/expiry.writes.js';
export type { Tx } from './persistence/order-row.js';
export type { ErasedOrder, ErasureBatch } from './persistence/personal-data-erasure.writes.js';
export type { ReleaseResolutionOutcome, ResolutionResult } from './persistence/release-resolution.writes.js';
export type { CancellationRefusal, CancellationResult, FirstCancellation } from './persistence/merchant-cancellation.writes.js';

/**
 * THE repository of the `orders` table: nothing else in the codebase writes it, and every event
 * it writes goes through `OrderEventWriter.write` (order-event-writer.ts). One class, composed from small
 * files in `persistence/`, one per kind of change:
 * - reads and `transition` / `note` / `recordEvent` (status changes and notes) on the class itself;
 * - `creation`: the pending row around the create-order call;
 * - `steps`: the checkout step claim (loan request, approval);
 * - `recovery`: creation recovery's claims and decisions;
 * - `releases`: match-trigger claims, settlements and their housekeeping;
 * - `sync`: what a sync with Soisy stores, and reconciliation's claim;
 * - `expiry`: the expiry job's claims of abandoned orders and their move to `expired`;
 * - `mismatches`: the order-list report's statusDetail flags;
 * - `erasure`: personal data retention (the one rewrite of old events, GDPR erasure);
 * - `resolutions`: a human's resolution of a release in `unknown`;
 * - `cancellation`: the merchant's cancellation (blocks every later release).
 */
@Injectable()
export class OrdersRepository {
  readonly creation: OrderCreationWrites;
  readonly steps: StepClaimWrites;
  readonly recovery: CreationRecoveryWrites;
  readonly releases: ReleaseWrites;
  readonly sync: SyncWrites;
  readonly expiry: ExpiryWrites;
  readonly mismatches: MismatchFlagWrites;
  readonly erasure: PersonalDataErasureWrites;
  readonly resolutions: ReleaseResolutionWrites;
  readonly cancellation: MerchantCancellationWrites;
  private readonly reads: OrderReads;
  private readonly transitions: OrderTransitions;

  constructor(prisma: PrismaService, events: OrderEventWriter) {
    this.reads = new OrderReads(prisma);
    this.transitions = new OrderTransitions(prisma, events);
    this.creation = new OrderCreationWrites(prisma, events);
    this.steps = new StepClaimWrites(prisma, events, this.transitions);
    this.recovery = new CreationRecoveryWrites(prisma, events);
    this.releases = new ReleaseWrites(prisma, events);
    this.sync = new SyncWrites(prisma, events);
    this.expiry = new ExpiryWrites(prisma, events);
    this.mismatches = new MismatchFlagWrites(prisma, events);
    this.erasure = new PersonalDataErasureWrites(prisma, events);
    this.resolutions = new ReleaseResolutionWrites(prisma, events);
    this.cancellation = new MerchantCancellationWrites(prisma, events);
  }

  readonly findByToken: OrderReads['findByToken'] = (token) => this.reads.findByToken(token);
  readonly findByTokenOrThrow: OrderReads['findByTokenOrThrow'] = (token) => this.reads.findByTokenOrThrow(token);
  readonly findById: OrderReads['findById'] = (id) => this.reads.findById(id);
  readonly findByIdOrThrow: OrderReads['findByIdOrThrow'] = (id) => this.reads.findByIdOrThrow(id);
  readonly findByTokenWithEventsOrThrow: OrderReads['findByTokenWithEventsOrThrow'] = (token) => this.reads.findByTokenWithEventsOrThrow(token);
  readonly list: OrderReads['list'] = (filter) => this.reads.list(filter);
  readonly tokensInUse: OrderReads['tokensInUse'] = (tokens) => this.reads.tokensInUse(tokens);
  readonly lastActions: OrderReads['lastActions'] = (orderIds) => this.reads.lastActions(orderIds);
  readonly transition: OrderTransitions['transition'] = (orderId, transition, also) => this.transitions.transition(orderId, transition, also);
  readonly note: OrderTransitions['note'] = (orderId, notes, options) => this.transitions.note(orderId, notes, options);
  readonly recordEvent: OrderTransitions['recordEvent'] = (orderId, source, type, data, also) => this.transitions.recordEvent(orderId, source, type, data, also);
}
