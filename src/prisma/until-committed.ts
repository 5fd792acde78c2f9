import pRetry from 'p-retry';
import { nothingCommitted } from '../common/errors/database-unavailable.js';

/**
 * How long (ms) a write that records an answer Soisy already gave keeps being tried while the
 * database refuses it without committing: a busy pool (5 s per wait), a deadlock, a transaction
 * past its 5 s. About three attempts, while the shopper's request waits; then its error stands
 * (503 DATABASE.UNAVAILABLE), as before.
 */
export const ANSWER_RECORDING_BUDGET_MS = 15_000;

/**
 * Runs `write` until it succeeds, again (after 250 ms, doubling up to 2 s, jittered) only while it
 * fails in a way that committed nothing (`nothingCommitted`), for at most `budgetMs` in all; any
 * other error, and the last one past the budget, is thrown as it came.
 *
 * For the writes that record what Soisy did (an order created, a loan offered or decided, a
 * match-trigger accepted): failing one loses the answer, and the shopper's retry then meets Soisy's
 * "already done" (issue 10's trial: SOISY.ALREADY_EVALUATED, SOISY.CONFLICT, a release parked as
 * `unknown`). `write` must be safe to run again after a failure that committed nothing: the same
 * guarded statement, or a transaction whose callback only writes in it. A dropped connection is not
 * retried: its commit may have happened. p-retry, not a loop of our own (the brief's rule on retries).
 */
export function untilCommitted<T>(write: () => Promise<T>, budgetMs = ANSWER_RECORDING_BUDGET_MS): Promise<T> {
  return pRetry(write, {
    retries: 50, // maxRetryTime is the bound that matters
    maxRetryTime: budgetMs,
    minTimeout: 250,
    factor: 2,
    maxTimeout: 2_000,
    randomize: true,
    shouldRetry: ({ error }) => nothingCommitted(error),
  });
}
