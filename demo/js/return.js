/**
 * Where Soisy's page sends the shopper back (the order's successUrl / errorUrl). The loan goes on
 * without the shopper (Soisy verifies, then pays the merchant), and Soisy tells the service by
 * callbacks: the page polls GET /v1/orders/{token} and shows each status as it arrives.
 */
import { api } from './api.js';
import { euros, setCartQuantity, showCartCount } from './cart.js';

const POLL_MS = 1000;
const FINAL = ['disbursed', 'refused', 'cancelled', 'failed'];
const STATUS_TEXT = {
  pending: 'Your order is being registered with Soisy.',
  created: 'Your order is registered; the loan application has not been sent yet.',
  requested: 'Your loan application has been sent to Soisy.',
  approved: 'Soisy has approved your loan; it is waiting for your signature.',
  completed: 'Thank you! You have signed the loan; Soisy is now verifying your documents.',
  verified: 'Soisy has verified your loan; it will now pay us.',
  disbursed: 'Soisy has paid: your order is confirmed and will ship soon.',
  refused: 'Soisy could not approve the loan.',
  cancelled: 'The loan was cancelled.',
  failed: 'The order could not be registered with Soisy.',
};

const params = new URLSearchParams(location.search);
const reference = params.get('ref') ?? '';
const token = localStorage.getItem(`demo-shop:order:${reference}`);
const status = document.getElementById('order-status');
const text = document.getElementById('order-status-text');
const problem = document.getElementById('return-error');
showCartCount();
document.getElementById('order-reference').textContent = reference;
if (params.get('outcome') === 'error') document.getElementById('funnel-left').hidden = false;

function render(order) {
  status.textContent = order.status;
  status.dataset.status = order.status;
  text.textContent = STATUS_TEXT[order.status] ?? '';
  document.getElementById('order-amount').textContent = euros(order.amount);
  if (order.instalmentAmount !== null) {
    document.getElementById('order-plan').textContent =
      `${order.instalments} instalments of ${euros(order.instalmentAmount)} (APR/TAEG ${order.apr}%, total ${euros(order.totalRepayment)})`;
  }
  const rows = order.events.map((event) => {
    const row = document.createElement('tr');
    for (const cell of [new Date(event.at).toLocaleTimeString(), event.type, event.toStatus ?? '', event.source]) {
      row.append(Object.assign(document.createElement('td'), { textContent: cell }));
    }
    return row;
  });
  document.getElementById('order-events').replaceChildren(...rows);
  if (['refused', 'cancelled'].includes(order.status)) document.getElementById('other-method').hidden = false;
  if (['completed', 'verified', 'disbursed'].includes(order.status)) setCartQuantity(0);
  showCartCount();
}

async function poll() {
  try {
    const order = await api('GET', `/v1/orders/${encodeURIComponent(token)}`);
    problem.hidden = true;
    render(order);
    if (FINAL.includes(order.status)) return;
  } catch {
    // Keep polling: a blip in the service or the network must not end the page's updates.
    problem.hidden = false;
  }
  setTimeout(poll, POLL_MS);
}

if (token) void poll();
else {
  status.textContent = 'unknown';
  text.textContent = 'This browser has no order with that reference.';
}
