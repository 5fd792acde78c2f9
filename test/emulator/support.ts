/** Helpers for the emulator's own e2e tests: real HTTP against an in-process emulator. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/index.js';

export const SHOP = 'partnershop';
export const KEY = 'partnerkey';
/** Soisy's own sample code: right shape, wrong check character. */
export const SAMPLE_FISCAL_CODE = 'AAAAAA80A01A123B';
/** A code whose check character is right. */
export const VALID_FISCAL_CODE = 'RSSMRA80A01H501U';

export async function emulator(options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, ...options });
}

export interface Answer {
  status: number;
  // Tests read whatever shape each endpoint answers; asserting on it is the point of the test.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
  headers: Headers;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, text, headers: response.headers };
}

export type Encoding = 'json' | 'form' | 'multipart' | 'query';

/** A POST the way different Soisy clients send it. */
export async function post(url: string, fields: Record<string, unknown>, options: { encoding?: Encoding; token?: string | null } = {}): Promise<Answer> {
  const { encoding = 'json', token = KEY } = options;
  const headers: Record<string, string> = token === null ? {} : { 'X-Auth-Token': token };
  const strings = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)]));
  let body: RequestInit['body'];
  let target = url;
  if (encoding === 'json') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(fields);
  } else if (encoding === 'form') {
    body = new URLSearchParams(strings);
  } else if (encoding === 'multipart') {
    const form = new FormData();
    for (const [key, value] of Object.entries(strings)) form.append(key, value);
    body = form;
  } else {
    target = `${url}?${new URLSearchParams(strings)}`;
  }
  return answerOf(await fetch(target, { method: 'POST', headers, body }));
}

export async function get(url: string, headers: Record<string, string> = { 'X-Auth-Token': KEY }): Promise<Answer> {
  return answerOf(await fetch(url, { headers }));
}

export async function control(emu: RunningEmulator, method: string, path: string, body?: unknown): Promise<Answer> {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = JSON.stringify(body);
  if (body !== undefined) init.headers = { 'content-type': 'application/json' };
  return answerOf(await fetch(`${emu.url}/__emulator${path}`, init));
}

export const orders = (emu: RunningEmulator, shop = SHOP) => `${emu.apiUrl}/shops/${shop}/orders`;

export async function createOrder(emu: RunningEmulator, fields: Record<string, unknown> = {}): Promise<string> {
  const answer = await post(orders(emu), { amount: 100000, instalments: 12, ...fields });
  if (answer.status !== 200) throw new Error(`create order: ${answer.status} ${answer.text}`);
  return answer.body.token as string;
}

export function requestFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { amount: 100000, installments: 12, privacy: true, fiscalCode: SAMPLE_FISCAL_CODE, jobDescription: 'employee_open_ended_contract', ...overrides };
}

export function approvalFields(orderToken: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    amount: 100000, installments: 12, loanFinality: 'ecommerce_shop', email: 'carlo.rossi@example.com', lastname: 'Rossi',
    firstname: 'Carlo', mobilePhone: '3491234567', city: 'Milano', province: 'MI', address: 'Via Sassetti', streetNumber: '32',
    postalCode: '20124', citizenship: 'italian', orderToken, ...overrides,
  };
}

export const ADDITIONAL_DATA = {
  residence: 'rent', residenceStartDate: '01/2001', educationalQualification: 'diploma', children: '5+', salaryType: 'net-monthly', salary: 1800,
};

export interface ReceivedCallback {
  body: Record<string, string>;
  contentType: string | undefined;
}

export interface Receiver {
  url: string;
  received: ReceivedCallback[];
  /** Status the merchant answers with; can be changed between calls. */
  status: number;
  /** Milliseconds the merchant takes to answer. */
  delayMs: number;
  close(): Promise<void>;
}

/** A merchant's callback endpoint: records each form POST and answers `status`. */
export async function callbackReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: '', received: [], status: 200, delayMs: 0, close: async () => undefined };
  const server = createServer((request: IncomingMessage, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      receiver.received.push({ body: Object.fromEntries(new URLSearchParams(raw)), contentType: request.headers['content-type'] });
      setTimeout(() => response.writeHead(receiver.status).end('ok'), receiver.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/soisy/callback`;
  receiver.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return receiver;
}
