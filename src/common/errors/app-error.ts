/**
 * What went wrong, in the domain's words. Services throw these with a stable code
 * (`'ORDER.ALREADY_DECIDED'`); only the HTTP edge (ProblemDetailsFilter) turns the kind into a status.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'unsupported_media_type'
  | 'upstream'
  | 'upstream_timeout'
  | 'unavailable';

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly detail: string,
    /** Extra members for the problem document (never secrets or personal data). */
    readonly extensions: Record<string, unknown> = {},
    readonly fieldErrors: readonly FieldError[] = [],
    /** Response headers the answer needs, e.g. `Retry-After` on a 409 that will clear by itself. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${code}: ${detail}`);
  }
}

/** `Retry-After` (RFC 9110 §10.2.3) in whole seconds, at least 1: for answers that clear by themselves. */
export function retryAfter(seconds: number): Record<string, string> {
  return { 'retry-after': String(Math.max(1, Math.ceil(seconds))) };
}

/** The same error, answered with `Retry-After: seconds`. */
export function withRetryAfter(error: AppError, seconds: number): AppError {
  return new AppError(error.kind, error.code, error.detail, error.extensions, error.fieldErrors, { ...error.headers, ...retryAfter(seconds) });
}

export class ValidationFailed extends AppError {
  constructor(errors: readonly FieldError[], detail = 'The request has invalid fields.') {
    super('invalid', 'REQUEST.INVALID', detail, {}, errors);
  }
}
