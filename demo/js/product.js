import { PRODUCT, cartQuantity, euros, setCartQuantity, showCartCount } from './cart.js';

const quantity = document.getElementById('quantity');
const widget = document.getElementById('quote');

document.getElementById('price').textContent = euros(PRODUCT.priceCents);
// The widget follows the quantity: its `amount` attribute is all a page has to keep up to date.
const update = () => widget.setAttribute('amount', String(PRODUCT.priceCents * Math.max(1, Number(quantity.value) || 1)));
quantity.addEventListener('input', update);
update();

document.getElementById('widget-lang').addEventListener('change', (event) => widget.setAttribute('lang', event.target.value));

document.getElementById('add-to-cart').addEventListener('click', () => {
  setCartQuantity(cartQuantity() + Math.max(1, Number(quantity.value) || 1));
  location.href = 'cart.html';
});
showCartCount();
