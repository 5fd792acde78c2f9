/** Reads a fault from the control API's JSON: `{method, path | pathRegex, times, fault, afterProcessing}`. */
import type { FaultAction, FaultSpec } from './faults.js';

type Input = Record<string, unknown>;

function readAction(raw: unknown): FaultAction | string {
  const action = (raw ?? {}) as Input;
  if (action.type === 'status') {
    const status = Number(action.status ?? 500);
    if (!Number.isInteger(status) || status < 100 || status > 599) return 'fault.status must be an HTTP status';
    return action.body === undefined ? { type: 'status', status } : { type: 'status', status, body: action.body };
  }
  if (action.type === 'delay') {
    const ms = Number(action.ms);
    if (!Number.isFinite(ms) || ms < 0) return 'fault.ms must be a number of milliseconds';
    return { type: 'delay', ms };
  }
  if (action.type === 'drop') return { type: 'drop' };
  return 'fault.type must be status, delay or drop';
}

/** A fault spec, or the reason it is not one. */
export function readFaultSpec(body: unknown): FaultSpec | string {
  const input = (body ?? {}) as Input;
  const regex = typeof input.pathRegex === 'string' ? input.pathRegex : undefined;
  const path = regex ?? (typeof input.path === 'string' ? input.path : '/**');
  if (regex !== undefined) {
    try {
      new RegExp(regex);
    } catch {
      return 'pathRegex is not a valid regular expression';
    }
  }
  const times = input.times === undefined ? 1 : Number(input.times);
  if (!Number.isInteger(times) || times < 1) return 'times must be a positive integer';
  const fault = readAction(input.fault);
  if (typeof fault === 'string') return fault;
  const method = typeof input.method === 'string' ? input.method.toUpperCase() : '*';
  return { method, path, pathRegex: regex !== undefined, times, fault, afterProcessing: input.afterProcessing === true };
}
