/**
 * Calls to soisy-bff from the browser. The storefront server writes the service's base URL into
 * every page's <meta name="soisy-api">, as a merchant's template would.
 */
export const API_URL = document.querySelector('meta[name="soisy-api"]').content.replace(/\/$/, '');

/**
 * Why a call failed, in the terms a checkout page acts on:
 * - `invalid`: the service named bad fields (problem+json `errors[]`, 400/422): show them by the inputs;
 * - `busy`: the service is still working on this step of the order (409): try again in a moment;
 * - `conflict`: the order is not in a state for this step (409): start again;
 * - `upstream`: Soisy failed or timed out, or we were rate-limited (502/504/429/5xx): offer a retry;
 * - `network`: no answer at all (offline, or CORS refused this page's origin): offer a retry.
 */
export class ApiError extends Error {
  constructor(kind, status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.kind = kind;
    this.status = status;
    this.code = problem?.code;
    this.errors = problem?.errors ?? [];
  }
}

/** The service is still on this order's step (a double click, another tab): the same step again shortly is right. */
const BUSY = ['ORDER.STEP_IN_PROGRESS', 'ORDER.CREATION_PENDING'];

function kindOf(status, code) {
  if (BUSY.includes(code)) return 'busy';
  if (status === 400 || status === 422) return 'invalid';
  if (status === 409) return 'conflict';
  if (status === 404) return 'conflict';
  return 'upstream';
}

/** JSON in, JSON out; throws ApiError. */
export async function api(method, path, body, headers = {}) {
  let response;
  try {
    response = await fetch(API_URL + path, {
      method,
      headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError('network', 0, { detail: 'The payment service could not be reached.' });
  }
  const answer = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(kindOf(response.status, answer?.code), response.status, answer);
  return answer;
}
