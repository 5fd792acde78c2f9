/**
 * Injected failures for the next N API calls matching a method and path: an error status, a
 * delay, or a connection dropped without an answer. See README.md § Faults.
 */
import { systemError } from './messages.js';

export type FaultAction =
  | { type: 'status'; status: number; body?: unknown }
  | { type: 'delay'; ms: number }
  | { type: 'drop' };

export interface Fault {
  id: number;
  /** Upper-case method, or `*` for any. */
  method: string;
  /** Exact path, a glob (`*` one segment, `**` anything), or a regex when `pathRegex` is set. */
  path: string;
  pathRegex: boolean;
  /** Calls still to be faulted. */
  remaining: number;
  fault: FaultAction;
  /** Let the call take effect first, then fail its answer ("outcome unknown" to the client). */
  afterProcessing: boolean;
}

export type FaultSpec = Omit<Fault, 'id' | 'remaining'> & { times: number };

function globToRegex(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  // `**` (anything) must be rewritten before `*` (one segment), without the two rewrites colliding.
  const pattern = escaped
    .split('**')
    .map((part) => part.replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${pattern}$`);
}

/**
 * Paths are matched and logged under the API base: `/api/shops/...` and `/shops/...` mean the
 * same, as do doubled and trailing slashes, which the router ignores too.
 */
export function underApiBase(path: string): string {
  const tidy = path.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  return tidy === '/api' ? '/' : tidy.startsWith('/api/') ? tidy.slice(4) : tidy;
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method !== '*' && fault.method !== method) return false;
  if (fault.pathRegex) return new RegExp(fault.path).test(path);
  return globToRegex(underApiBase(fault.path)).test(path);
}

export function faultBody(action: FaultAction & { type: 'status' }): unknown {
  return action.body ?? systemError;
}

export class FaultRegistry {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const { times, ...rest } = spec;
    const fault: Fault = { ...rest, id: this.nextId++, remaining: times };
    this.faults.push(fault);
    return fault;
  }

  /** The first matching fault, counted as used by this call. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((candidate) => matches(candidate, method, path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((other) => other !== fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }
}
