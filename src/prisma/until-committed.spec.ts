import { untilCommitted } from './until-committed.js';

const poolTimeout = () => new Error('timeout exceeded when trying to connect');
const dropped = () => new Error('Connection terminated unexpectedly');

/** A write that fails with `errors` in turn, then resolves 'committed'; counts its runs. */
function writeFailing(...errors: Error[]) {
  let runs = 0;
  const write = async () => {
    runs += 1;
    const error = errors[runs - 1];
    if (error) throw error;
    return 'committed';
  };
  return { write, runs: () => runs };
}

describe('untilCommitted', () => {
  it('runs a write again after failures that committed nothing, until it commits', async () => {
    const { write, runs } = writeFailing(poolTimeout(), poolTimeout());
    await expect(untilCommitted(write, 3)).resolves.toBe('committed');
    expect(runs()).toBe(3);
  });

  it('never runs it again after a failure whose commit may have happened (a dropped connection)', async () => {
    const error = dropped();
    const { write, runs } = writeFailing(error);
    await expect(untilCommitted(write, 3)).rejects.toBe(error);
    expect(runs()).toBe(1);
  });

  it('stops after its retries with the last failure', async () => {
    let runs = 0;
    await expect(untilCommitted(async () => {
      runs += 1;
      throw poolTimeout();
    }, 2)).rejects.toThrow('timeout exceeded when trying to connect');
    expect(runs).toBe(3);
  });

  it('runs it again however long the failed attempt took (a statement stuck on a lock until it was released)', async () => {
    let runs = 0;
    const expired = new Error('Transaction API error: A commit cannot be executed on an expired transaction.');
    Object.assign(expired, { code: 'P2028' });
    await expect(untilCommitted(async () => {
      runs += 1;
      if (runs === 1) {
        await new Promise((resolve) => setTimeout(resolve, 1_500)); // as if blocked on a lock past its timeout
        throw expired;
      }
      return 'committed';
    }, 1)).resolves.toBe('committed');
  });
});
