import type { FieldError } from '../common/errors/app-error.js';
import type { ErrorKeyMap } from './soisy-wire.js';

/**
 * Reading Soisy's error bodies, whose shape varies by call and status:
 * `{"errors": {"<field>": ["msg"]}}`, `{"errors": {"domain": ["msg"]}}`, `{"errors": "msg"}`,
 * `{"error": "msg"}`. Messages are passed on to callers, so personal data is scrubbed first.
 */

/** Keys that carry a message about the request as a whole, not about one field. */
const GENERAL_KEYS = new Set(['domain', 'system']);
const MAX_MESSAGE_LENGTH = 300;

export interface SoisyErrorBody {
  fieldErrors: FieldError[];
  /** Messages not tied to a field (domain errors, plain-string errors). */
  messages: string[];
}

export function readErrorBody(data: unknown, errorKeys: ErrorKeyMap): SoisyErrorBody {
  const body = (data ?? {}) as { errors?: unknown; error?: unknown; message?: unknown };
  const errors = body.errors ?? body.error ?? body.message;
  if (typeof errors === 'string') return { fieldErrors: [], messages: [scrub(errors)] };
  if (errors === null || typeof errors !== 'object') return { fieldErrors: [], messages: [] };

  const fieldErrors: FieldError[] = [];
  const messages: string[] = [];
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    const texts = (Array.isArray(value) ? value : [value]).filter((text) => typeof text === 'string').map(scrub);
    if (GENERAL_KEYS.has(key) || Array.isArray(errors)) messages.push(...texts);
    else fieldErrors.push(...texts.map((message) => ({ field: errorKeys[key] ?? key, message })));
  }
  return { fieldErrors, messages };
}

/**
 * Soisy's messages are generic today ("Codice fiscale non valido"), but they reach problem
 * documents and logs, so anything shaped like a fiscal code, an e-mail or a phone number is masked.
 */
export function scrub(message: string): string {
  return message
    .replace(/\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b/gi, '[fiscal code]')
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, '[email]')
    .replace(/\+?\d[\d ]{7,}\d/g, '[number]')
    .slice(0, MAX_MESSAGE_LENGTH);
}
