/**
 * The page behind `redirectUrl`. Soisy puts the order token in the URL's hash
 * (`/funnel/{shopId}#/loan-request?token=…`), which never reaches a server, so the script reads
 * it; `/funnel/{shopId}/loan-request?token=…` serves the same page for clients that drop hashes.
 * Element ids are stable for browser tests: funnel-complete, funnel-abandon, funnel-amount,
 * funnel-instalments, funnel-status, funnel-error.
 */
export function funnelPage(shopId: string): string {
  const shop = JSON.stringify(shopId).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="it">
<head><meta charset="utf-8"><title>Soisy sandbox emulator – richiesta di finanziamento</title></head>
<body>
<h1>Soisy (emulatore): richiesta di finanziamento</h1>
<p>Ordine <code id="funnel-token"></code> — stato <strong id="funnel-status">…</strong></p>
<p><label>Importo (centesimi) <input id="funnel-amount" type="number"></label>
<label>Rate <input id="funnel-instalments" type="number"></label></p>
<button id="funnel-complete" type="button">Completa il finanziamento</button>
<button id="funnel-abandon" type="button">Abbandona</button>
<p id="funnel-error" role="alert"></p>
<script>
const shopId = ${shop};
const source = location.hash.includes('?') ? location.hash.slice(location.hash.indexOf('?')) : location.search;
const token = new URLSearchParams(source).get('token') || '';
const base = '/funnel/' + encodeURIComponent(shopId) + '/orders/' + encodeURIComponent(token);
const $ = (id) => document.getElementById(id);
$('funnel-token').textContent = token;
async function load() {
  const response = await fetch(base, { headers: { accept: 'application/json' } });
  if (!response.ok) { $('funnel-error').textContent = 'Ordine non trovato'; return; }
  const order = await response.json();
  $('funnel-status').textContent = order.status;
  if (order.loanAmount !== null) { $('funnel-amount').value = order.loanAmount; $('funnel-amount').disabled = true; }
  if (order.instalmentsNumber !== null) $('funnel-instalments').value = order.instalmentsNumber;
  if (order.instalmentsFixed) $('funnel-instalments').disabled = true;
}
async function act(action) {
  const body = new URLSearchParams({ amount: $('funnel-amount').value, instalments: $('funnel-instalments').value });
  const response = await fetch(base + '/' + action, { method: 'POST', headers: { accept: 'application/json' }, body });
  const result = await response.json();
  if (!response.ok) { $('funnel-error').textContent = result.error || 'Errore'; return; }
  location.href = result.redirectUrl;
}
$('funnel-complete').addEventListener('click', () => act('complete'));
$('funnel-abandon').addEventListener('click', () => act('abandon'));
load();
</script>
</body>
</html>
`;
}

export function finishedPage(outcome: string): string {
  const text = outcome === 'completed' ? 'Finanziamento completato.' : 'Finanziamento non completato.';
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Soisy emulator</title></head>
<body><p id="funnel-finished">${text}</p></body></html>`;
}
