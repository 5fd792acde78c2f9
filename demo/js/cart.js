/** The demo shop sells one product; the cart is its quantity, kept in localStorage. */
export const PRODUCT = { id: 'arco-lamp', name: 'Arco table lamp', priceCents: 129900 };

const KEY = 'demo-shop:cart';

export function cartQuantity() {
  const quantity = Number(localStorage.getItem(KEY));
  return Number.isInteger(quantity) && quantity > 0 ? quantity : 0;
}

export function setCartQuantity(quantity) {
  localStorage.setItem(KEY, String(Math.max(0, Math.floor(quantity))));
}

export function cartTotalCents() {
  return cartQuantity() * PRODUCT.priceCents;
}

export function euros(cents, locale = 'en-GB') {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Shows the cart's item count in the header of every page. */
export function showCartCount() {
  const badge = document.getElementById('cart-count');
  if (badge) badge.textContent = String(cartQuantity());
}
