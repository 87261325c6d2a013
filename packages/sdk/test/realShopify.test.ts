import { describe, expect, test } from 'vitest';
import * as shop from './fixtures/realShopify.ts';
import { byType, capture, loadPage, submit } from './helpers.ts';
import { muteXhr, pageOf } from './realPages.ts';

muteXhr();

/**
 * The SDK against Shopify storefront markup rendered from the real theme sources (Dawn,
 * Horizon, Debut; see fixtures/realShopify.ts for the repository and path of each
 * template). Each expectation is what a shop analyst reads off the page. The requests are
 * sent the way the themes' own scripts send them (Dawn assets/product-form.js and
 * assets/cart.js, Horizon assets/product-form.js, a jQuery-era `$.ajax` for Debut).
 */

const OXFORD = { name: 'Oxford Shirt', currency: 'EUR', brand: 'Acme', category: 'Shirts' };
const OXFORD_M = { id: 'OX-M-BLU', ...OXFORD, price: 59, variant: 'M' };
const LINEN_TIE = { id: 'LT-NAVY', name: 'Linen Tie', price: 29, currency: 'EUR', brand: 'Acme', category: 'Accessories' };

/** Dawn's `fetchConfig('javascript')` as product-form.js adjusts it: Content-Type removed for the FormData body. */
const dawnAddConfig = (body: FormData): RequestInit => ({
  method: 'POST',
  headers: { Accept: 'application/javascript', 'X-Requested-With': 'XMLHttpRequest' },
  body,
});

/**
 * What Dawn's `<product-form>` does on submit: its constructor enabled the `disabled`
 * variant input; the handler prevents the navigation, builds `FormData(this.form)` (the
 * quantity input is associated through its `form` attribute), appends the cart drawer's
 * `sections` and `sections_url`, and posts it to `routes.cart_add_url`.
 */
async function dawnAddToCart(form: HTMLFormElement) {
  (form.querySelector('[name=id]') as HTMLInputElement).disabled = false;
  form.addEventListener('submit', (event) => event.preventDefault());
  submit(form, form.querySelector<HTMLElement>('[type=submit]'));
  const body = new FormData(form);
  body.append('sections', ['cart-drawer', 'cart-icon-bubble'].join(','));
  body.append('sections_url', location.pathname);
  await fetch((window as any).routes.cart_add_url, dawnAddConfig(body));
}

describe('Dawn (Shopify/dawn): pages', () => {
  test('product page, variant chosen (?variant=): product_view of that variant', async () => {
    const event = await pageOf(shop.dawnProduct);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toEqual(OXFORD_M);
  });

  test('product page without ?variant, first size sold out: the variant the page shows (M), not the first (S)', async () => {
    // Liquid renders product.selected_or_first_available_variant (M, 41002) into the forms
    // and the price; ShopifyAnalytics.meta lists S first and says nothing of availability.
    const event = await pageOf(shop.dawnProductFirstSoldOut);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toEqual(OXFORD_M);
  });

  test('collection page: product_list_view with the collection products of ShopifyAnalytics.meta', async () => {
    const event = await pageOf(shop.dawnCollection);
    expect(event.type).toBe('product_list_view');
    const products = event.props?.products as any[];
    expect(products).toHaveLength(2);
    expect(products[0]).toMatchObject({ ...OXFORD, price: 59 });
    expect(products[1]).toEqual(LINEN_TIE);
  });

  test('collection page: the list is the collection title, without the visually-hidden "Collection:" label', async () => {
    // main-collection-banner.liquid: <h1><span class="visually-hidden">Collection: </span>Shirts</h1>
    const event = await pageOf(shop.dawnCollection);
    expect(event.props?.list).toBe('Shirts');
  });

  test('search results page: site_search with the query', async () => {
    expect(await pageOf(shop.dawnSearch)).toMatchObject({ type: 'site_search', props: { query: 'oxford shirt' } });
  });

  test('cart page: cart_view', async () => {
    expect((await pageOf(shop.dawnCart)).type).toBe('cart_view');
  });

  test('customer account page (/account): account_view', async () => {
    expect((await pageOf(shop.dawnAccount)).type).toBe('account_view');
  });

  test('customer order page (/account/orders/<token>): order_tracking_view with the order number the page shows', async () => {
    // main-order.liquid: <h2>Order #1042</h2>; the URL holds a token, not the number.
    const event = await pageOf(shop.dawnCustomerOrder);
    expect(event.type).toBe('order_tracking_view');
    expect(event.props?.order_id).toMatch(/^#?1042$/);
  });
});

describe('Dawn (Shopify/dawn): interactions', () => {
  test('add to cart on the product page: form submit + fetch(routes.cart_add_url, FormData) → one cart_add', async () => {
    loadPage(shop.dawnProduct.url, shop.dawnProduct.html, shop.dawnProduct.globals);
    const events = await capture(async () => {
      (document.querySelector('.quantity__input') as HTMLInputElement).value = '2';
      await dawnAddToCart(document.querySelector<HTMLFormElement>('product-form form')!);
    });
    const adds = byType(events, 'cart_add');
    expect(adds).toHaveLength(1);
    expect(adds[0]!.props?.product).toEqual({ ...OXFORD_M, quantity: 2 });
  });

  test('quick add on the collection page (single-variant card): cart_add of that product', async () => {
    loadPage(shop.dawnCollection.url, shop.dawnCollection.html, shop.dawnCollection.globals);
    const events = await capture(async () => {
      await dawnAddToCart(document.querySelector<HTMLFormElement>('.quick-add form')!);
    });
    const adds = byType(events, 'cart_add');
    expect(adds).toHaveLength(1);
    expect(adds[0]!.props?.product).toMatchObject(LINEN_TIE);
  });

  test('remove a line on the cart page: fetch(routes.cart_change_url, {line, quantity: 0}) → cart_remove naming the product', async () => {
    loadPage(shop.dawnCart.url, shop.dawnCart.html, shop.dawnCart.globals);
    const events = await capture(async () => {
      // cart.js: CartRemoveButton → cartItems.updateQuantity(this.dataset.index, 0)
      const line = (document.getElementById('Remove-1') as HTMLElement).dataset.index;
      const body = JSON.stringify({
        line,
        quantity: 0,
        sections: ['template--22041851887863__cart-items', 'cart-icon-bubble', 'cart-live-region-text', 'template--22041851887863__cart-footer'],
        sections_url: location.pathname,
      });
      await fetch((window as any).routes.cart_change_url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body });
    });
    const removes = byType(events, 'cart_remove');
    expect(removes).toHaveLength(1);
    const product = removes[0]!.props?.product as Record<string, unknown>;
    expect(product.id).toBeDefined();
    expect(product).toMatchObject({ name: 'Oxford Shirt' });
  });

  test('checkout button on the cart page: checkout_start (the checkout itself runs no theme script)', async () => {
    loadPage(shop.dawnCart.url, shop.dawnCart.html, shop.dawnCart.globals);
    const events = await capture(async () => {
      const form = document.getElementById('cart') as HTMLFormElement;
      form.addEventListener('submit', (event) => event.preventDefault());
      submit(form, document.getElementById('checkout'));
    });
    expect(byType(events, 'checkout_start')).toHaveLength(1);
    // With Waymark's Shopify pixel installed (it marks wm_px with the time), the pixel reports the checkout.
    loadPage(shop.dawnCart.url, shop.dawnCart.html, shop.dawnCart.globals);
    localStorage.setItem('wm_px', String(Date.now() - 60_000));
    const withPixel = await capture(async () => {
      const form = document.getElementById('cart') as HTMLFormElement;
      form.addEventListener('submit', (event) => event.preventDefault());
      submit(form, document.getElementById('checkout'));
    });
    expect(byType(withPixel, 'checkout_start')).toHaveLength(0);
  });

  test('newsletter form of the footer (form "customer" tagged newsletter): newsletter_signup', async () => {
    loadPage(shop.dawnProduct.url, shop.dawnProduct.html, shop.dawnProduct.globals);
    const events = await capture(async () => {
      const form = document.getElementById('ContactFooter') as HTMLFormElement;
      (form.querySelector('[name="contact[email]"]') as HTMLInputElement).value = 'jane@example.com';
      form.addEventListener('submit', (event) => event.preventDefault());
      submit(form, form.querySelector<HTMLElement>('button'));
    });
    expect(byType(events, 'newsletter_signup')).toHaveLength(1);
  });
});

describe('Horizon (Shopify/horizon)', () => {
  test('product page: product_view of the chosen variant', async () => {
    const event = await pageOf(shop.horizonProduct);
    expect(event).toMatchObject({ type: 'product_view', props: { product: { id: 'OX-L-BLU', ...OXFORD, price: 64, variant: 'L' } } });
  });

  test('add to cart: submit + fetch(Theme.routes.cart_add_url, FormData, Accept: text/html) → one cart_add', async () => {
    loadPage(shop.horizonProduct.url, shop.horizonProduct.html, shop.horizonProduct.globals);
    const events = await capture(async () => {
      const form = document.querySelector<HTMLFormElement>('product-form-component form')!;
      (form.querySelector('[name=quantity]') as HTMLInputElement).value = '2';
      form.addEventListener('submit', (event) => event.preventDefault());
      submit(form, form.querySelector<HTMLElement>('[name=add]'));
      // product-form.js #processAddToCart
      const body = new FormData(form);
      await fetch((window as any).Theme.routes.cart_add_url, { method: 'POST', headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'text/html' }, body });
    });
    const adds = byType(events, 'cart_add');
    expect(adds).toHaveLength(1);
    expect(adds[0]!.props?.product).toEqual({ id: 'OX-L-BLU', ...OXFORD, price: 64, variant: 'L', quantity: 2 });
  });
});

describe('Debut (vintage theme, form[action="/cart/add"] with <select name="id">)', () => {
  test('product page: product_view of the preselected (first available) variant', async () => {
    const event = await pageOf(shop.debutProduct);
    expect(event).toMatchObject({ type: 'product_view', props: { product: { id: 'OX-S-BLU', ...OXFORD, price: 59, variant: 'S' } } });
  });

  test('add to cart after choosing M: submit + XHR POST /cart/add.js (serialized form) → cart_add of M', async () => {
    loadPage(shop.debutProduct.url, shop.debutProduct.html, shop.debutProduct.globals);
    const events = await capture(async () => {
      const form = document.getElementById('product_form_7001001') as HTMLFormElement;
      (form.querySelector('select[name=id]') as HTMLSelectElement).value = '41002';
      (form.querySelector('[name=quantity]') as HTMLInputElement).value = '2';
      form.addEventListener('submit', (event) => event.preventDefault());
      submit(form, form.querySelector<HTMLElement>('[name=add]'));
      // $.ajax({ type: 'POST', url: '/cart/add.js', dataType: 'json', data: $form.serialize() })
      const request = new XMLHttpRequest();
      request.open('POST', '/cart/add.js');
      request.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
      request.send(new URLSearchParams(new FormData(form) as any).toString());
    });
    const adds = byType(events, 'cart_add');
    expect(adds).toHaveLength(1);
    expect(adds[0]!.props?.product).toEqual({ ...OXFORD_M, quantity: 2 });
  });
});
