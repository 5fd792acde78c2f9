import type { FieldError } from './app-error.js';

/** An RFC 9457 problem document, as every error of this service is answered. */
export interface ProblemDocument {
  /** `urn:soisy-bff:problem:<code>`: stable, for programs to branch on. */
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The same stable code as in `type`, e.g. `ORDER.NOT_FOUND`. */
  code: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `urn:soisy-bff:problem:${code.toLowerCase()}`;
}
