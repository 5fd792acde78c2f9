// CPU time of processes from /proc (Linux): user + system, in microseconds.
import { readFile } from 'node:fs/promises';

const TICK_US = 1_000_000 / 100; // USER_HZ is 100 on Linux

export async function cpuMicros(pid) {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ")": utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return 0; // the process has gone (a backend that closed)
  }
}

/** CPU of every process in `pids()` over `run`, counting processes that appear during it from zero. */
export async function cpuDuring(pids, run) {
  const before = new Map();
  for (const pid of await pids()) before.set(pid, await cpuMicros(pid));
  const result = await run();
  let total = 0;
  for (const pid of new Set([...before.keys(), ...(await pids())])) total += (await cpuMicros(pid)) - (before.get(pid) ?? 0);
  return { result, cpuMicros: Math.max(0, total) };
}

export async function rssMb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
