import { init } from '@waymark/sdk';
import { gtagEcommerce } from './analytics.ts';
import { readCart, writeCart } from './cart.ts';
import { byHandle, CURRENCY, PRODUCTS, type Product } from './catalog.ts';

// The whole of Waymark's setup in an SPA storefront: page views, products, cart, checkout
// and orders are captured from the History API navigations, the JSON-LD each route puts
// in <head> and the dataLayer pushes of the shop's analytics.
const waymark = init({
  site: import.meta.env.VITE_WAYMARK_SITE ?? 'wm_demo',
  endpoint: import.meta.env.VITE_WAYMARK_ENDPOINT ?? 'http://localhost:8787',
});
Object.assign(window, { waymark });

const app = document.getElementById('app')!;
const money = (amount: number) => `$${amount.toFixed(2)}`;
const html = (strings: TemplateStringsArray, ...values: unknown[]) => strings.reduce((out, s, i) => out + s + (values[i] ?? ''), '');

function setStructuredData(data: object | undefined): void {
  document.getElementById('route-jsonld')?.remove();
  if (!data) return;
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.id = 'route-jsonld';
  script.textContent = JSON.stringify(data);
  document.head.append(script);
}

const card = (p: Product) => html`<li><a href="/products/${p.handle}" data-link>${p.name}</a> <span class="price">${money(p.price)}</span></li>`;

function render(): void {
  const { pathname, searchParams } = new URL(location.href);
  const [section, id] = pathname.split('/').filter(Boolean);
  setStructuredData(undefined);
  if (!section) {
    document.title = 'Tidewater';
    app.innerHTML = html`<h1>Weather-proof clothing</h1><ul>${PRODUCTS.map(card).join('')}</ul>`;
  } else if (section === 'collections') {
    const list = PRODUCTS.filter((p) => p.category.toLowerCase() === id);
    document.title = `${id} – Tidewater`;
    app.innerHTML = html`<h1 class="collection-title">${list[0]?.category ?? 'Collection'}</h1><ul>${list.map(card).join('')}</ul>`;
    gtagEcommerce('view_item_list', list.map((product) => ({ product, quantity: 1 })), { item_list_name: list[0]?.category });
  } else if (section === 'products' && id && byHandle(id)) {
    const p = byHandle(id)!;
    document.title = `${p.name} – Tidewater`;
    setStructuredData({ '@context': 'https://schema.org', '@type': 'Product', name: p.name, sku: p.sku, brand: { '@type': 'Brand', name: p.brand }, category: p.category, offers: { '@type': 'Offer', price: p.price, priceCurrency: CURRENCY } });
    app.innerHTML = html`<h1 class="product-title">${p.name}</h1><p class="price">${money(p.price)}</p><button id="add-to-cart" data-handle="${p.handle}">Add to cart</button>`;
    gtagEcommerce('view_item', [{ product: p, quantity: 1 }]);
  } else if (section === 'search') {
    const q = searchParams.get('q') ?? '';
    const hits = PRODUCTS.filter((p) => p.name.toLowerCase().includes(q.toLowerCase()));
    document.title = `Search – Tidewater`;
    app.innerHTML = html`<h1>Results for “${q.replace(/</g, '&lt;')}”</h1><ul>${hits.map(card).join('')}</ul>`;
  } else if (section === 'cart') {
    const lines = readCart();
    document.title = 'Cart – Tidewater';
    app.innerHTML = html`<h1>Cart</h1><ul>${lines.map((l) => `<li>${l.product.name} × ${l.quantity}</li>`).join('')}</ul><a href="/checkout" data-link id="checkout">Checkout</a>`;
    gtagEcommerce('view_cart', lines);
  } else if (section === 'checkout' && !id) {
    document.title = 'Checkout – Tidewater';
    app.innerHTML = html`<h1>Checkout</h1><a href="/checkout/shipping" data-link id="to-shipping">Continue to shipping</a>`;
    gtagEcommerce('begin_checkout', readCart());
  } else if (section === 'checkout' && id === 'shipping') {
    document.title = 'Shipping – Tidewater';
    app.innerHTML = html`<h1>Shipping</h1><a href="/checkout/payment" data-link id="to-payment">Continue to payment</a>`;
    gtagEcommerce('add_shipping_info', readCart(), { shipping_tier: 'ground' });
  } else if (section === 'checkout' && id === 'payment') {
    document.title = 'Payment – Tidewater';
    app.innerHTML = html`<h1>Payment</h1><button id="pay">Pay now</button>`;
    gtagEcommerce('add_payment_info', readCart(), { payment_type: 'card' });
  } else if (section === 'checkout' && id === 'thank_you') {
    const order = readOrders().find((o) => o.id === searchParams.get('order'));
    document.title = 'Thank you – Tidewater';
    app.innerHTML = order ? html`<h1>Thank you!</h1><p class="order-number">Order ${order.id}</p>` : '<h1>Order not found</h1>';
    if (order && !sessionStorage.getItem(`purchase_${order.id}`)) {
      // Like most GA4 setups, the storefront guards its own purchase tag per tab; a reload in a new tab still fires it.
      sessionStorage.setItem(`purchase_${order.id}`, '1');
      gtagEcommerce('purchase', order.lines.map((l) => ({ product: byHandle(l.handle)!, quantity: l.quantity })), { transaction_id: order.id, shipping: 0 });
    }
  } else if (section === 'account' && id === 'orders') {
    document.title = 'Orders – Tidewater';
    const number = pathname.split('/')[3];
    app.innerHTML = number ? html`<h1>Order ${number}</h1><p>Shipped</p>` : html`<h1>Your orders</h1><ul>${readOrders().map((o) => `<li><a href="/account/orders/${o.id}" data-link>${o.id}</a></li>`).join('')}</ul>`;
  } else {
    app.innerHTML = '<h1>Not found</h1>';
  }
}

interface Order { id: string; lines: { handle: string; quantity: number }[] }
const readOrders = (): Order[] => JSON.parse(localStorage.getItem('tidewater_orders') ?? '[]') as Order[];

function navigate(to: string): void {
  history.pushState({}, '', to);
  render();
}

document.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  const link = target.closest<HTMLAnchorElement>('a[data-link]');
  if (link) {
    event.preventDefault();
    navigate(link.getAttribute('href')!);
  } else if (target.id === 'add-to-cart') {
    const product = byHandle(target.dataset.handle!)!;
    const lines = readCart();
    const line = lines.find((l) => l.product.handle === product.handle);
    if (line) line.quantity += 1;
    else lines.push({ product, quantity: 1 });
    writeCart(lines);
    gtagEcommerce('add_to_cart', [{ product, quantity: 1 }]);
  } else if (target.id === 'pay') {
    const lines = readCart();
    const order: Order = { id: `TW-${Date.now().toString(36).toUpperCase()}`, lines: lines.map((l) => ({ handle: l.product.handle, quantity: l.quantity })) };
    localStorage.setItem('tidewater_orders', JSON.stringify([...readOrders(), order]));
    writeCart([]);
    navigate(`/checkout/thank_you?order=${order.id}`);
  }
});

document.getElementById('search')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new FormData(event.target as HTMLFormElement).get('q');
  navigate(`/search?q=${encodeURIComponent(String(q))}`);
});

window.addEventListener('popstate', render);
writeCart(readCart());
render();
