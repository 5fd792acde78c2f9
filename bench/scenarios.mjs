// What each target is asked: the same Soisy work through the stand-in, the bare proxy, and the service.
import { randomUUID } from 'node:crypto';
import { codiceFiscaleCheckCharacter } from '../dist/common/validation/italian/index.js';
import { approvalBody, createOrderBody, loanRequestBody } from '../dist/soisy/soisy-wire.js';

const JSON_HEADERS = { 'content-type': 'application/json' };
const SOISY_HEADERS = { ...JSON_HEADERS, 'x-auth-token': 'partnerkey' };
const SHOP = '/api/shops/partnershop';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let counter = Math.floor(Math.random() * 1e6);

/** A fresh valid codice fiscale (the emulator allows one loan request per person). */
function fiscalCode() {
  counter += 1;
  let letters = '';
  for (let rest = counter, i = 0; i < 6; i++, rest = Math.floor(rest / 26)) letters = LETTERS[rest % 26] + letters;
  const base = `${letters}${String(50 + (counter % 50))}${'ABCDEHLMPRST'[counter % 12]}${String(1 + (counter % 28)).padStart(2, '0')}H501`;
  return base + codiceFiscaleCheckCharacter(base);
}

const reference = () => `BENCH-${randomUUID().slice(0, 24)}`;
// Each request comes from one of many shoppers, so the per-client rate limit is exercised but never refuses.
const shopper = () => ({ 'x-forwarded-for': `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1` });

const SHOPPER = { email: 'mario.rossi@example.com', firstname: 'Mario', lastname: 'Rossi', mobilePhone: '3331234567', address: 'Via Roma', streetNumber: '12', city: 'Milano', province: 'MI', postalCode: '20121', citizenship: 'italian' };
const ORDER = { amountCents: 100000, instalments: 12, successUrl: 'https://shop.example.com/ok', customer: {} };
const soisyOrder = () => JSON.stringify(createOrderBody({ ...ORDER, orderReference: reference() }));
const serviceOrder = () => JSON.stringify({ amount: 100000, instalments: 12, orderReference: reference(), successUrl: ORDER.successUrl });

/** Soisy's own calls, for the stand-in and the proxy (same paths and bodies). */
const soisy = {
  createOrder: [{ method: 'POST', setupRequest: (req) => ({ ...req, path: `${SHOP}/orders`, headers: SOISY_HEADERS, body: soisyOrder() }) }],
  quotes: [{ method: 'GET', path: `${SHOP}/loan-quotes?amount=100000&instalments=12` }],
  flow: [
    { method: 'POST', setupRequest: (req) => ({ ...req, path: `${SHOP}/orders`, headers: SOISY_HEADERS, body: soisyOrder() }), onResponse: (status, body, context) => (context.token = status === 200 ? JSON.parse(body).token : undefined) },
    { method: 'POST', setupRequest: (req, context) => ({ ...req, path: `${SHOP}/requests`, headers: SOISY_HEADERS, body: JSON.stringify(loanRequestBody({ amountCents: 100000, instalments: 12, privacy: true, fiscalCode: (context.fiscalCode = fiscalCode()), jobDescription: 'employee_open_ended_contract' })) }) },
    { method: 'POST', setupRequest: (req, context) => ({ ...req, path: `${SHOP}/requests/${context.fiscalCode}`, headers: SOISY_HEADERS, body: JSON.stringify(approvalBody({ ...SHOPPER, orderToken: context.token, amountCents: 100000, instalments: 12 })) }) },
  ],
};

/** The service's routes doing the same work. */
const service = {
  createOrder: [{ method: 'POST', setupRequest: (req) => ({ ...req, path: '/v1/orders', headers: { ...JSON_HEADERS, ...shopper(), 'idempotency-key': randomUUID() }, body: serviceOrder() }) }],
  quotes: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: '/v1/quotes?amount=100000&instalments=12', headers: shopper() }) }],
  flow: [
    { method: 'POST', setupRequest: (req, context) => ({ ...req, path: '/v1/orders', headers: { ...JSON_HEADERS, ...(context.from = shopper()), 'idempotency-key': randomUUID() }, body: serviceOrder() }), onResponse: (status, body, context) => (context.token = status === 201 ? JSON.parse(body).token : 'none') },
    { method: 'POST', setupRequest: (req, context) => ({ ...req, path: `/v1/orders/${context.token}/loan-request`, headers: { ...JSON_HEADERS, ...context.from }, body: JSON.stringify({ instalments: 12, privacy: true, fiscalCode: fiscalCode(), jobDescription: 'employee_open_ended_contract' }) }) },
    { method: 'POST', setupRequest: (req, context) => ({ ...req, path: `/v1/orders/${context.token}/approval`, headers: { ...JSON_HEADERS, ...context.from }, body: JSON.stringify(SHOPPER) }) },
  ],
};

export const SCENARIOS = [
  { name: 'create order', key: 'create', soisy: soisy.createOrder, service: service.createOrder },
  { name: 'quotes (cached)', key: 'quotes', soisy: soisy.quotes, service: service.quotes },
  { name: 'create + loan request + approval', key: 'flow', soisy: soisy.flow, service: service.flow },
];
