import { PRODUCT, cartQuantity, cartTotalCents, euros, setCartQuantity, showCartCount } from './cart.js';

const quantity = document.getElementById('cart-quantity');
const total = document.getElementById('cart-total');
const widget = document.getElementById('quote');
const checkout = document.getElementById('to-checkout');

function render() {
  total.textContent = euros(cartTotalCents());
  widget.setAttribute('amount', String(cartTotalCents()));
  checkout.hidden = cartQuantity() === 0;
  showCartCount();
}

document.getElementById('cart-name').textContent = PRODUCT.name;
document.getElementById('cart-price').textContent = euros(PRODUCT.priceCents);
quantity.value = String(cartQuantity());
quantity.addEventListener('input', () => {
  setCartQuantity(Number(quantity.value) || 0);
  render();
});
render();
