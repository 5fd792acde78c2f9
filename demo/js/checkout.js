/**
 * The checkout: create the order, make the loan request, ask for approval, then send the shopper to
 * Soisy's page to sign (or, with "apply on Soisy's site", straight there after creating the order).
 * Progress is kept in sessionStorage, so a retry after a failure resumes at the step that failed
 * instead of creating a second order.
 */
import { api } from './api.js';
import { cartTotalCents, euros, showCartCount } from './cart.js';
import { clearFieldErrors, showFieldErrors } from './field-errors.js';
import { sampleShopper } from './sample-shopper.js';

const form = document.getElementById('checkout-form');
const submitButton = document.getElementById('submit');
const problem = document.getElementById('checkout-error');
const problemText = document.getElementById('checkout-error-text');
const retry = document.getElementById('retry');
const startOver = document.getElementById('start-over');
const info = document.getElementById('checkout-info');
const refusal = document.getElementById('refusal');
const additional = document.getElementById('additional-data');
const STATE_KEY = 'demo-shop:checkout';

const amount = cartTotalCents();
document.getElementById('checkout-total').textContent = euros(amount);
showCartCount();

function loadState() {
  const saved = JSON.parse(sessionStorage.getItem(STATE_KEY) ?? 'null');
  return saved && saved.amount === amount ? saved : { amount, reference: `DEMO-${Date.now().toString(36).toUpperCase()}` };
}
let state = loadState();
const save = () => sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
const value = (name) => form.elements.namedItem(name)?.value.trim() || undefined;

function customer() {
  const fields = { email: 'email', firstname: 'firstname', lastname: 'lastname', fiscalCode: 'fiscalCode', mobilePhone: 'mobilePhone',
    address: 'address', civicNumber: 'streetNumber', city: 'city', province: 'province', postalCode: 'postalCode' };
  return Object.fromEntries(Object.entries(fields).map(([field, input]) => [field, value(input)]).filter(([, v]) => v !== undefined));
}

async function createOrder() {
  const back = new URL('return.html', location.href);
  back.searchParams.set('ref', state.reference);
  const errorUrl = new URL(back);
  errorUrl.searchParams.set('outcome', 'error');
  // A new key per attempt that got an answer: the body may have changed since (a corrected field).
  const key = state.pendingKey ?? crypto.randomUUID();
  state.pendingKey = key;
  save();
  const order = await api('POST', '/v1/orders', {
    amount, instalments: Number(value('instalments')), orderReference: state.reference,
    successUrl: back.href, errorUrl: errorUrl.href, customer: customer(),
  }, { 'idempotency-key': key });
  Object.assign(state, { token: order.token, redirectUrl: order.redirectUrl, pendingKey: undefined });
  // The return page finds the order by the reference in successUrl.
  localStorage.setItem(`demo-shop:order:${state.reference}`, order.token);
  save();
}

async function loanRequest() {
  const result = await api('POST', `/v1/orders/${state.token}/loan-request`, {
    instalments: Number(value('instalments')), amount, privacy: form.elements.namedItem('privacy').checked,
    marketing: form.elements.namedItem('marketing').checked, fiscalCode: value('fiscalCode'), jobDescription: value('jobDescription'),
  });
  Object.assign(state, { requested: true, additionalDataNeeded: result.additionalDataNeeded });
  save();
}

const ADDITIONAL = ['residence', 'residenceStartDate', 'educationalQualification', 'children', 'salaryType', 'salary'];

function approvalBody() {
  const body = {};
  for (const name of ['email', 'firstname', 'lastname', 'mobilePhone', 'address', 'streetNumber', 'city', 'province', 'postalCode', 'citizenship']) body[name] = value(name);
  if (state.additionalDataNeeded) for (const name of ADDITIONAL) body[name] = value(name);
  if (body.salary !== undefined && /^\d+$/.test(body.salary)) body.salary = Number(body.salary);
  return body;
}

function show(element, text) {
  element.hidden = false;
  if (text !== undefined) element.querySelector('p').textContent = text;
}

function resetMessages() {
  clearFieldErrors(form);
  for (const element of [problem, info, refusal, retry, startOver]) element.hidden = true;
}

function fail(error) {
  if (error.kind === 'invalid' && error.errors.length > 0) {
    const unplaced = showFieldErrors(form, error.errors);
    if (unplaced.length === 0) return;
    problemText.textContent = unplaced.map((e) => e.message).join(' ');
  } else if (error.kind === 'upstream' || error.kind === 'network' || error.kind === 'busy') {
    problemText.textContent = {
      network: 'The payment service could not be reached. Nothing has been charged; please try again.',
      busy: 'Your payment is still being processed. Please try again in a moment.',
      upstream: `Soisy is not answering right now (${error.status}). Nothing has been charged; your details are kept, please try again.`,
    }[error.kind];
    retry.hidden = false;
  } else {
    problemText.textContent = `${error.message} You can start the payment again.`;
    startOver.hidden = false;
  }
  problem.hidden = false;
  problem.focus();
}

const APPROVED_OR_LATER = ['approved', 'completed', 'verified', 'disbursed'];

async function approve() {
  try {
    return await api('POST', `/v1/orders/${state.token}/approval`, approvalBody());
  } catch (error) {
    if (error.code !== 'ORDER.ALREADY_DECIDED') throw error;
    // Soisy decided, but the answer never reached this page (a retry after a timeout): the order knows.
    const order = await api('GET', `/v1/orders/${state.token}`);
    return { approved: APPROVED_OR_LATER.includes(order.status), redirectUrl: order.redirectUrl };
  }
}

async function payBySoisy(redirectOnly) {
  if (!state.token) await createOrder();
  if (redirectOnly) return location.assign(state.redirectUrl);
  if (!state.requested) await loanRequest();
  if (state.additionalDataNeeded && ADDITIONAL.some((name) => value(name) === undefined)) {
    additional.hidden = false;
    show(info, 'Soisy needs a few more details for this amount: please complete them below and continue.');
    additional.querySelector('select, input').focus();
    return;
  }
  const decision = await approve();
  if (decision.approved) return location.assign(decision.redirectUrl);
  // A refusal is Soisy's answer, not an error: this order is over, another method may still work.
  sessionStorage.removeItem(STATE_KEY);
  state = loadState();
  show(refusal);
  refusal.focus();
}

async function submit() {
  resetMessages();
  const method = form.elements.namedItem('payment').value;
  if (method === 'card') {
    show(info, 'Card payments are not part of this demo: your order would be paid by card here.');
    return;
  }
  submitButton.disabled = true;
  try {
    await payBySoisy(method === 'soisy-redirect');
  } catch (error) {
    fail(error);
  } finally {
    submitButton.disabled = false;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void submit();
});
retry.addEventListener('click', () => void submit());
startOver.addEventListener('click', () => {
  sessionStorage.removeItem(STATE_KEY);
  location.reload();
});
document.getElementById('other-method').addEventListener('click', () => {
  form.elements.namedItem('payment').value = 'card';
  refusal.hidden = true;
  document.getElementById('payment-methods').scrollIntoView();
  document.getElementById('pay-card').focus();
});
document.getElementById('fill-sample').addEventListener('click', () => {
  // Only what the form shows: Soisy's extra questions appear when it asks them, and are answered then.
  for (const [name, sample] of Object.entries(sampleShopper())) {
    const input = form.elements.namedItem(name);
    if (!input.closest('fieldset').hidden) input.value = sample;
  }
  form.elements.namedItem('privacy').checked = true;
});
