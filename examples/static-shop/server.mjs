// The example shop's server: renders the theme's pages and keeps carts and orders in
// memory, the way a platform would. No framework: node:http and the templates beside it.
//   node server.mjs    (PORT, WAYMARK_COLLECTOR and WAYMARK_SITE configure it)
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPING } from './catalog.mjs';
import { layout } from './layout.mjs';
import * as pages from './pages.mjs';

const ASSETS = fileURLToPath(new URL('./assets/', import.meta.url));
const TYPES = { '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml' };

/** Starts the shop; resolves to `{ url, close }`. */
export function startShop({ port = 8788, host = '127.0.0.1', collector = 'http://localhost:8787', site = 'wm_demo' } = {}) {
  const carts = new Map();
  const orders = [];
  let nextOrder = 1001;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, `http://${req.headers.host}`);
    const visitor = cookie(req, 'shop_session') ?? randomUUID();
    res.setHeader('Set-Cookie', `shop_session=${visitor}; Path=/; SameSite=Lax`);
    const cart = carts.get(visitor) ?? {};
    carts.set(visitor, cart);
    const render = (page, status = 200) => {
      if (!page) return render(pages.notFound(), 404);
      const count = Object.values(cart).reduce((a, b) => a + b, 0);
      // Cart, checkout and account pages are private: never cached (and so never restored
      // from the back/forward cache); catalogue pages are, as on real storefronts.
      const cacheControl = /^\/(cart|checkout|account)/.test(path) ? 'no-store' : 'private, max-age=0';
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': cacheControl });
      res.end(layout({ ...page, collector, site, cartCount: count }));
    };
    const redirect = (location) => {
      res.writeHead(303, { Location: location });
      res.end();
    };
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const segments = path.split('/').filter(Boolean);

    if (segments[0] === 'assets') return serveAsset(path, res);
    if (req.method === 'POST') {
      const form = new URLSearchParams(await body(req));
      if (path === '/cart/add') {
        const sku = form.get('id');
        cart[sku] = (cart[sku] ?? 0) + Math.max(1, Number(form.get('quantity')) || 1);
        return redirect('/cart');
      }
      if (path === '/cart/change') {
        const quantity = Number(form.get('quantity'));
        if (quantity > 0) cart[form.get('id')] = quantity;
        else delete cart[form.get('id')];
        return redirect('/cart');
      }
      if (path === '/checkout/complete') {
        const lines = pages.cartLines(cart);
        if (lines.length === 0) return redirect('/cart');
        const subtotal = lines.reduce((sum, l) => sum + l.product.price * l.quantity, 0);
        const revenue = Math.round((subtotal + SHIPPING) * 100) / 100;
        const order = { id: `#${nextOrder++}`, visitor, lines, revenue, tax: Math.round((revenue - revenue / 1.19) * 100) / 100 };
        orders.push(order);
        for (const sku of Object.keys(cart)) delete cart[sku];
        return redirect(`/checkout/thank_you?order=${order.id.slice(1)}`);
      }
      if (path === '/contact/newsletter') return redirect('/?customer_posted=true');
      res.writeHead(404).end();
      return;
    }
    const findOrder = (number) => orders.find((o) => o.id === `#${number}`);
    if (path === '/') return render(pages.home());
    if (segments[0] === 'collections' && segments.length === 2) return render(pages.collection(segments[1]));
    if (segments[0] === 'products' && segments.length === 2) return render(pages.product(segments[1]));
    if (path === '/search') return render(pages.search(url.searchParams.get('q') ?? ''));
    if (path === '/cart') return render(pages.cartPage(cart));
    if (path === '/checkout') return render(pages.checkout(cart, 'information'));
    if (path === '/checkout/shipping') return render(pages.checkout(cart, 'shipping'));
    if (path === '/checkout/payment') return render(pages.checkout(cart, 'payment'));
    if (path === '/checkout/thank_you') return render(findOrder(url.searchParams.get('order')) && pages.thankYou(findOrder(url.searchParams.get('order'))));
    if (path === '/account' || path === '/account/orders') return render(pages.account(orders.filter((o) => o.visitor === visitor)));
    if (segments[0] === 'account' && segments[1] === 'orders' && segments.length === 3) return render(findOrder(segments[2]) && pages.orderStatus(findOrder(segments[2])));
    if (path === '/pages/returns') return render(pages.returns(url.searchParams.get('order')));
    return render(undefined);
  });

  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ url: `http://${host}:${actual}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

async function serveAsset(path, res) {
  const file = normalize(join(ASSETS, path.slice('/assets/'.length)));
  if (!file.startsWith(ASSETS)) return res.writeHead(404).end();
  try {
    const content = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(content);
  } catch {
    res.writeHead(404).end();
  }
}

function cookie(req, name) {
  return req.headers.cookie?.match(new RegExp(`(?:^|; )${name}=([^;]+)`))?.[1];
}

function body(req) {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const shop = await startShop({
    port: Number(process.env.PORT ?? 8788),
    host: process.env.HOST ?? 'localhost',
    collector: process.env.WAYMARK_COLLECTOR ?? 'http://localhost:8787',
    site: process.env.WAYMARK_SITE ?? 'wm_demo',
  });
  console.log(`static shop: ${shop.url}`);
}
