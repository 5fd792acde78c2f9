/**
 * <soisy-quote amount="129900"></soisy-quote>: "from €X/month in N instalments" for a price, with the
 * TAN, TAEG and total a shopper must see next to an instalment offer. Dependency-free ES module,
 * served by soisy-bff at /widget/soisy-quote.js; it asks the service it was loaded from
 * (GET /v1/quotes), so the storefront's origin must be in the service's CORS_ORIGINS.
 *
 * Attributes (all observed: changing one re-renders):
 * - amount: the price in integer euro cents (required).
 * - instalments: number of monthly instalments (default 10).
 * - lang: "it" or "en"; otherwise the closest [lang] of the page; Italian by default.
 * - zero-interest-rate: "true"/"false"; absent: the shop's own setting.
 * - api: the service's base URL; absent: the origin this module was loaded from.
 *
 * The offer shown is Soisy's cheapest ("min") for that amount and term. When the amount is outside
 * the service's limits, or the service or Soisy fails, the element renders nothing and logs nothing:
 * a product page must never show a broken financing banner. The limits come with the module
 * (./soisy-quote-limits.js, the service's configuration), so an out-of-range price costs no request
 * and leaves no failed request in the browser's console.
 */
import limits from './soisy-quote-limits.js';

const DEFAULT_INSTALMENTS = 10;
/** Typing in a quantity or price field changes `amount` quickly: ask once it settles. */
const DEBOUNCE_MS = 150;

const TEXT = {
  it: {
    locale: 'it-IT',
    headline: (instalment, n) => `da ${instalment}/mese in ${n} rate`,
    details: (tan, taeg, total) => `TAN ${tan} · TAEG ${taeg} · importo totale dovuto ${total}`,
    label: 'Pagamento a rate con Soisy',
    note: 'Offerta indicativa, soggetta ad approvazione di Soisy.',
  },
  en: {
    locale: 'en-GB',
    headline: (instalment, n) => `from ${instalment}/month in ${n} instalments`,
    details: (tan, taeg, total) => `TAN ${tan} · APR (TAEG) ${taeg} · total amount payable ${total}`,
    label: 'Pay in instalments with Soisy',
    note: 'Indicative offer, subject to approval by Soisy.',
  },
};

const STYLE = `
  :host { display: block; font: inherit; color: inherit; }
  :host([hidden]), .empty { display: none; }
  .quote { border-left: 3px solid #00a99d; padding: 0.25em 0.75em; margin: 0.5em 0; }
  .headline { font-weight: 600; margin: 0; }
  .details, .note { font-size: 0.85em; margin: 0.15em 0 0; opacity: 0.85; }
`;

const moduleOrigin = new URL(import.meta.url).origin;

export class SoisyQuote extends HTMLElement {
  static observedAttributes = ['amount', 'instalments', 'lang', 'zero-interest-rate', 'api'];

  #root = this.attachShadow({ mode: 'open' });
  #box;
  #timer;
  #request;
  #quote;

  constructor() {
    super();
    // A constructed sheet, not a <style> element: pages with a strict CSP (no 'unsafe-inline'
    // styles) still style the widget.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    this.#root.adoptedStyleSheets = [sheet];
    this.#box = document.createElement('div');
    this.#box.className = 'quote empty';
    this.#box.setAttribute('role', 'note');
    // Polite: a new figure after a quantity change is announced without interrupting the shopper.
    this.#box.setAttribute('aria-live', 'polite');
    this.#root.append(this.#box);
  }

  connectedCallback() {
    this.#schedule();
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
    this.#request?.abort();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#schedule();
  }

  /** The figures last rendered, for scripts and tests; undefined while nothing is shown. */
  get quote() {
    return this.#quote;
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#refresh(), DEBOUNCE_MS);
  }

  async #refresh() {
    this.#request?.abort();
    const query = this.#query();
    if (!query) return this.#clear();
    const request = new AbortController();
    this.#request = request;
    try {
      const url = new URL('/v1/quotes', this.getAttribute('api') || moduleOrigin);
      url.search = query.toString();
      const response = await fetch(url, { signal: request.signal, headers: { accept: 'application/json' } });
      if (!response.ok) return this.#clear();
      const quotes = await response.json();
      if (request.signal.aborted) return;
      this.#render(quotes.min, Number(query.get('instalments')));
    } catch {
      // Aborted by a newer amount, a network failure or a CORS refusal: show nothing, say nothing.
      if (!request.signal.aborted) this.#clear();
    }
  }

  /** Undefined when the attributes cannot make a valid question. */
  #query() {
    const amount = Number(this.getAttribute('amount'));
    const instalments = Number(this.getAttribute('instalments') || DEFAULT_INSTALMENTS);
    const within = (value, range) => Number.isSafeInteger(value) && value >= range.min && value <= range.max;
    if (!within(amount, limits.amount) || !within(instalments, limits.instalments)) return undefined;
    const query = new URLSearchParams({ amount: String(amount), instalments: String(instalments) });
    const zero = this.getAttribute('zero-interest-rate');
    if (zero === 'true' || zero === 'false') query.set('zeroInterestRate', zero);
    return query;
  }

  #language() {
    const lang = (this.closest('[lang]')?.getAttribute('lang') || 'it').slice(0, 2).toLowerCase();
    return TEXT[lang] ? lang : 'it';
  }

  #render(offer, instalments) {
    const text = TEXT[this.#language()];
    const euros = new Intl.NumberFormat(text.locale, { style: 'currency', currency: 'EUR' });
    const percent = new Intl.NumberFormat(text.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const money = (cents) => euros.format(cents / 100);
    const rate = (value) => `${percent.format(value)}%`;
    const line = (className, content) => Object.assign(document.createElement('p'), { className, textContent: content });
    this.#box.setAttribute('aria-label', text.label);
    this.#box.replaceChildren(
      line('headline', text.headline(money(offer.instalmentAmount), instalments)),
      line('details', text.details(rate(offer.interestRate), rate(offer.apr), money(offer.totalRepayment))),
      line('note', text.note),
    );
    this.#box.classList.remove('empty');
    this.#quote = { instalments, ...offer };
    this.dispatchEvent(new CustomEvent('soisy-quote', { detail: this.#quote, bubbles: true }));
  }

  #clear() {
    this.#box.replaceChildren();
    this.#box.classList.add('empty');
    this.#quote = undefined;
  }
}

if (!customElements.get('soisy-quote')) customElements.define('soisy-quote', SoisyQuote);
