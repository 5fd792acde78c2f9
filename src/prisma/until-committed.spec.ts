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
    await expect(untilCommitted(write, 10_000)).resolves.toBe('committed');
    expect(runs()).toBe(3);
  });

  it('never runs it again after a failure whose commit may have happened (a dropped connection)', async () => {
    const error = dropped();
    const { write, runs } = writeFailing(error);
    await expect(untilCommitted(write, 10_000)).rejects.toBe(error);
    expect(runs()).toBe(1);
  });

  it('stops at its budget with the last failure', async () => {
    let runs = 0;
    const started = Date.now();
    await expect(untilCommitted(async () => {
      runs += 1;
      throw poolTimeout();
    }, 600)).rejects.toThrow('timeout exceeded when trying to connect');
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
