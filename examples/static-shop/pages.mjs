import { CURRENCY, PRODUCTS, SHIPPING } from './catalog.mjs';
import { dataLayerPush, escape, ga4Item, money } from './layout.mjs';

const productCard = ([handle, p]) => `
      <li class="card">
        <a href="/products/${handle}"><img src="${p.image}" alt="" width="160" height="160"><span class="card-title">${escape(p.name)}</span></a>
        <span class="price">${money(p.price)}</span>
      </li>`;

export function home() {
  return {
    title: 'Home',
    body: `    <section class="hero"><h1>Clothes for the coast</h1><p>Shirts, trousers and socks made to last.</p><a class="button" href="/collections/shirts">Shop shirts</a></section>
    <h2>Featured</h2>
    <ul class="grid">${Object.entries(PRODUCTS).map(productCard).join('')}
    </ul>`,
  };
}

export function collection(slug) {
  const entries = Object.entries(PRODUCTS).filter(([, p]) => slug === 'all' || p.category.toLowerCase() === slug);
  if (entries.length === 0) return undefined;
  const name = slug === 'all' ? 'All products' : entries[0][1].category;
  const itemList = {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name,
    itemListElement: entries.map(([handle, p], i) => ({
      '@type': 'ListItem',
      position: i + 1,
      item: { '@type': 'Product', name: p.name, sku: p.sku, url: `/products/${handle}`, brand: { '@type': 'Brand', name: p.brand }, offers: { '@type': 'Offer', price: p.price.toFixed(2), priceCurrency: CURRENCY } },
    })),
  };
  return {
    title: name,
    head: `  <script type="application/ld+json">${JSON.stringify(itemList)}</script>\n${dataLayerPush('view_item_list', { item_list_name: name, items: entries.map(([, p]) => ga4Item(p)) })}`,
    body: `    <h1>${escape(name)}</h1>
    <ul class="grid">${entries.map(productCard).join('')}
    </ul>`,
  };
}

export function product(handle) {
  const p = PRODUCTS[handle];
  if (!p) return undefined;
  const jsonLd = {
    '@context': 'https://schema.org/',
    '@type': 'Product',
    name: p.name,
    sku: p.sku,
    image: p.image,
    description: p.description,
    brand: { '@type': 'Brand', name: p.brand },
    category: p.category,
    offers: { '@type': 'Offer', url: `/products/${handle}`, priceCurrency: CURRENCY, price: p.price.toFixed(2), availability: 'https://schema.org/InStock' },
  };
  return {
    title: p.name,
    head: `  <meta property="og:type" content="product">
  <meta property="og:title" content="${escape(p.name)}">
  <meta property="product:price:amount" content="${p.price.toFixed(2)}">
  <meta property="product:price:currency" content="${CURRENCY}">
  <script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
${dataLayerPush('view_item', { currency: CURRENCY, value: p.price, items: [ga4Item(p)] })}`,
    body: `    <div class="product">
      <img src="${p.image}" alt="${escape(p.name)}" width="320" height="320">
      <div>
        <p class="vendor">${escape(p.brand)}</p>
        <h1 class="product-title">${escape(p.name)}</h1>
        <p class="price">${money(p.price)}</p>
        <p>${escape(p.description)}</p>
        <form action="/cart/add" method="post" class="product-form" id="product-form-${handle}">
          <input type="hidden" name="id" value="${p.sku}">
          <label>Quantity <input type="number" name="quantity" value="1" min="1"></label>
          <button type="submit" name="add" class="add-to-cart">Add to cart</button>
        </form>
        <button type="button" class="wishlist" data-waymark="wishlist_add">♡ Save for later</button>
      </div>
    </div>`,
  };
}

export function search(query) {
  const q = query.trim().toLowerCase();
  const hits = Object.entries(PRODUCTS).filter(([, p]) => q && `${p.name} ${p.category}`.toLowerCase().includes(q));
  return {
    title: `Search: ${query}`,
    head: dataLayerPush('search', { search_term: query }).replace('dataLayer.push({ ecommerce: null }); ', ''),
    body: `    <h1>Search results for “${escape(query)}”</h1>
    <p>${hits.length} result${hits.length === 1 ? '' : 's'}</p>
    <ul class="grid">${hits.map(productCard).join('')}
    </ul>`,
  };
}

export function cartPage(cart) {
  const lines = cartLines(cart);
  const value = lines.reduce((sum, l) => sum + l.product.price * l.quantity, 0);
  return {
    title: 'Your cart',
    head: dataLayerPush('view_cart', { currency: CURRENCY, value, items: lines.map((l) => ga4Item(l.product, l.quantity)) }),
    body: `    <h1>Your cart</h1>
    ${lines.length === 0 ? '<p>Your cart is empty.</p>' : `<table class="cart">
      <thead><tr><th>Product</th><th>Quantity</th><th>Total</th><th></th></tr></thead>
      <tbody>${lines.map((l) => `
        <tr><td>${escape(l.product.name)}</td><td>${l.quantity}</td><td>${money(l.product.price * l.quantity)}</td>
          <td><form action="/cart/change" method="post"><input type="hidden" name="id" value="${l.product.sku}"><input type="hidden" name="quantity" value="0"><button type="submit" class="remove">Remove</button></form></td></tr>`).join('')}
      </tbody>
    </table>
    <p class="subtotal">Subtotal <strong>${money(value)}</strong></p>
    <a class="button checkout" href="/checkout">Check out</a>`}`,
  };
}

export function checkout(cart, step) {
  const lines = cartLines(cart);
  const value = lines.reduce((sum, l) => sum + l.product.price * l.quantity, 0);
  const items = lines.map((l) => ga4Item(l.product, l.quantity));
  const steps = {
    information: { event: 'begin_checkout', title: 'Checkout', next: '/checkout/shipping', fields: '<label>E-mail <input type="email" name="email" value="ada@example.com"></label>', button: 'Continue to shipping' },
    shipping: { event: 'add_shipping_info', title: 'Shipping', next: '/checkout/payment', fields: '<label><input type="radio" name="shipping" value="standard" checked> Standard (€4.95)</label>', button: 'Continue to payment', extra: { shipping_tier: 'standard' } },
    payment: { event: 'add_payment_info', title: 'Payment', next: '/checkout/complete', fields: '<label>Card number <input name="card" value="4242 4242 4242 4242"></label>', button: 'Pay now', extra: { payment_type: 'card' } },
  }[step];
  return {
    title: steps.title,
    head: dataLayerPush(steps.event, { currency: CURRENCY, value, ...steps.extra, items }),
    body: `    <h1>${steps.title}</h1>
    <ol class="breadcrumbs"><li>Information</li><li>Shipping</li><li>Payment</li></ol>
    <form action="${steps.next}" method="${step === 'payment' ? 'post' : 'get'}" class="checkout-form">
      ${steps.fields}
      <button type="submit" class="continue">${steps.button}</button>
    </form>
    <aside class="summary">${lines.map((l) => `${escape(l.product.name)} × ${l.quantity}`).join('<br>')}<br>Total ${money(value)}</aside>`,
  };
}

export function thankYou(order) {
  const items = order.lines.map((l) => ga4Item(l.product, l.quantity));
  const orderLd = {
    '@context': 'http://schema.org',
    '@type': 'Order',
    orderNumber: order.id,
    priceCurrency: CURRENCY,
    price: order.revenue.toFixed(2),
    orderStatus: 'http://schema.org/OrderProcessing',
    merchant: { '@type': 'Organization', name: 'Harbour Outfitters' },
    acceptedOffer: order.lines.map((l) => ({ '@type': 'Offer', itemOffered: { '@type': 'Product', name: l.product.name, sku: l.product.sku }, price: l.product.price.toFixed(2), priceCurrency: CURRENCY, eligibleQuantity: { '@type': 'QuantitativeValue', value: l.quantity } })),
  };
  return {
    title: 'Thank you for your order',
    head: `  <script type="application/ld+json">${JSON.stringify(orderLd)}</script>
${dataLayerPush('purchase', { transaction_id: order.id, value: order.revenue, tax: order.tax, shipping: SHIPPING, currency: CURRENCY, items })}`,
    body: `    <h1>Thank you, your order is confirmed</h1>
    <p class="order-number">Order <strong>${escape(order.id)}</strong></p>
    <p>Total paid: ${money(order.revenue)} (incl. ${money(SHIPPING)} shipping)</p>
    <p><a href="/account/orders/${encodeURIComponent(order.id.replace('#', ''))}">Track your order</a></p>`,
  };
}

export function account(orders) {
  return {
    title: 'Your account',
    body: `    <h1>Your account</h1>
    <h2>Orders</h2>
    <ul>${orders.map((o) => `<li><a href="/account/orders/${encodeURIComponent(o.id.replace('#', ''))}">${escape(o.id)}</a> — ${money(o.revenue)}</li>`).join('')}</ul>`,
  };
}

export function orderStatus(order) {
  const delivery = {
    '@context': 'http://schema.org',
    '@type': 'ParcelDelivery',
    trackingNumber: `1Z999${order.id.replace('#', '')}`,
    carrier: { '@type': 'Organization', name: 'DHL' },
    partOfOrder: { '@type': 'Order', orderNumber: order.id, merchant: { '@type': 'Organization', name: 'Harbour Outfitters' }, orderStatus: 'http://schema.org/OrderInTransit' },
  };
  return {
    title: `Order ${order.id}`,
    head: `  <script type="application/ld+json">${JSON.stringify(delivery)}</script>`,
    body: `    <h1>Order ${escape(order.id)}</h1>
    <p class="status">In transit with DHL — tracking number ${delivery.trackingNumber}</p>
    <p><a href="/pages/returns?order=${encodeURIComponent(order.id.replace('#', ''))}">Return an item</a></p>
    <form class="feedback" data-waymark="feedback"><label>How was your delivery? <select name="rating"><option>5</option><option>4</option><option>3</option><option>2</option><option>1</option></select></label><button type="submit">Send</button></form>`,
  };
}

export function returns(orderId) {
  return {
    title: 'Returns',
    body: `    <h1>Start a return</h1>
    <form action="/pages/returns" method="get" class="return-form">
      <label>Order number <input name="order" value="${escape(orderId ?? '')}"></label>
      <button type="submit">Find my order</button>
    </form>`,
  };
}

export function notFound() {
  return { title: 'Page not found', body: '    <h1>Page not found</h1>' };
}

export function cartLines(cart) {
  return Object.entries(cart).flatMap(([sku, quantity]) => {
    const product = Object.values(PRODUCTS).find((p) => p.sku === sku);
    return product && quantity > 0 ? [{ product, quantity }] : [];
  });
}
