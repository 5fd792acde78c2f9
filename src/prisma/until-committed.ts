import { Logger } from '@nestjs/common';
import pRetry from 'p-retry';
import { databaseUnavailableReason, nothingCommitted } from '../common/errors/database-unavailable.js';

/**
 * How many times a write that records an answer Soisy already gave is tried AGAIN while the
 * database refuses it without committing. A count, not a time budget: one attempt can last as long
 * as a lock another session holds (a transaction past its 5 s fails only once its stuck statement
 * returns, i.e. when the lock is gone and the database is free again), so a time budget could be
 * spent by the first attempt alone and lose an answer the next attempt records (the second trial of
 * this round: a release whose order row an operator held 25 s). On a busy pool an attempt waits at
 * most 5 s for a connection: 4 attempts and their pauses (~0.25, 0.5, 1 s) end within ~22 s.
 */
export const ANSWER_RECORDING_RETRIES = 3;

const logger = new Logger('AnswerRecording');

/**
 * Runs `write` until it succeeds, again (after ~250 ms, doubling, jittered) only while it fails in a
 * way that committed nothing (`nothingCommitted`), at most `retries` more times; any other error,
 * and the last one, is thrown as it came. Each retry is logged as a warning with its reason.
 *
 * For the writes that record what Soisy did (an order created, a loan offered or decided, a
 * match-trigger accepted): failing one loses the answer, and the shopper's retry then meets Soisy's
 * "already done" (this round's trial: SOISY.ALREADY_EVALUATED, SOISY.CONFLICT, a release parked
 * `unknown`). `write` must be safe to run again after a failure that committed nothing: the same
 * guarded statement, or a transaction whose callback only writes in it. A dropped connection is not
 * retried: its commit may have happened. p-retry, not a loop of our own (the brief's rule on retries).
 */
export function untilCommitted<T>(write: () => Promise<T>, retries = ANSWER_RECORDING_RETRIES): Promise<T> {
  return pRetry(write, {
    retries,
    minTimeout: 250,
    factor: 2,
    maxTimeout: 2_000,
    randomize: true,
    // p-retry asks only while retries remain, so a yes here is a retry about to happen.
    shouldRetry: ({ error, attemptNumber }) => {
      const again = nothingCommitted(error);
      if (again) logger.warn({ attempt: attemptNumber, reason: databaseUnavailableReason(error) }, 'The database refused to record an answer Soisy gave, without committing: trying again');
      return again;
    },
  });
}
