// The theme's layout: what every page of the shop shares, as a platform theme renders it.
// The Waymark script tag is the only tracking code; the GA4 dataLayer pushes are the
// shop's own analytics, which Waymark reads without being told.

export const escape = (text) => String(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
export const money = (amount) => `€${amount.toFixed(2)}`;

export function layout({ title, head = '', body, collector, site, cartCount = 0 }) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(title)} – Harbour Outfitters</title>
  <link rel="stylesheet" href="/assets/theme.css">
  <script>window.dataLayer = window.dataLayer || [];</script>
  <script defer src="${collector}/waymark.js" data-site="${site}"></script>
${head}
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">Harbour Outfitters</a>
    <nav>
      <a href="/collections/shirts">Shirts</a>
      <a href="/collections/all">All products</a>
      <a href="/account">Account</a>
      <a href="/cart" class="cart-link">Cart (<span data-cart-count>${cartCount}</span>)</a>
    </nav>
    <form action="/search" method="get" class="search" role="search">
      <input type="search" name="q" placeholder="Search products" aria-label="Search">
      <button type="submit">Search</button>
    </form>
  </header>
  <main>
${body}
  </main>
  <footer class="site-footer">
    <a href="/pages/returns">Returns</a> · <a href="/account/orders">Track an order</a>
    <form action="/contact/newsletter" method="post" class="newsletter" data-waymark="newsletter_signup">
      <input type="email" name="email" placeholder="Your e-mail" aria-label="E-mail"><button type="submit">Subscribe</button>
    </form>
  </footer>
</body>
</html>`;
}

/** A GA4 e-commerce item, as the shop's analytics snippet pushes it. */
export function ga4Item(product, quantity = 1) {
  return { item_id: product.sku, item_name: product.name, item_brand: product.brand, item_category: product.category, price: product.price, quantity };
}

export function dataLayerPush(event, ecommerce) {
  return `  <script>dataLayer.push({ ecommerce: null }); dataLayer.push(${JSON.stringify({ event, ecommerce })});</script>`;
}
