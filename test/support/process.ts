import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname } from 'node:path';

export interface ServiceProcess {
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, then how it ended: its exit code (0 after a graceful shutdown), or the signal that killed it. */
  stop(): Promise<number | string | null>;
}

/** Runs a built entry point (`dist/...`) as its own process, the way the README and the container do. */
export function runNode(entry: string, env: Record<string, string>): ServiceProcess {
  return run(process.execPath, [entry], env);
}

/** Runs a command with only PATH and HOME inherited, so the test alone decides the configuration. */
export function run(command: string, args: string[], env: Record<string, string>): ServiceProcess {
  const child = spawn(command, args, {
    // This Node first on PATH: the entrypoint's `node` must be the one the tests run on.
    env: { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? child.signalCode;
      child.kill('SIGTERM');
      const [code, signal] = await once(child, 'exit');
      return (code as number | null) ?? (signal as string);
    },
  };
}

/** Polls a URL until it answers 200, for at most `timeoutMs` (a process needs a moment to boot). */
export async function waitFor200(url: string, timeoutMs = 30_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return res;
      last = res.status;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${String(last)})`);
}
