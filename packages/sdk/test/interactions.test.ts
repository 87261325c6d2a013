import { describe, expect, test, vi } from 'vitest';
import * as bigcommerce from './fixtures/bigcommerce.ts';
import * as magento from './fixtures/magento.ts';
import * as prestashop from './fixtures/prestashop.ts';
import * as shopify from './fixtures/shopify.ts';
import * as woo from './fixtures/woocommerce.ts';
import { byType, capture, loadPage, submit } from './helpers.ts';
import { muteXhr, xhr } from './realPages.ts';

muteXhr();

const form = () => document.querySelector('form')!;

describe('cart_add: form submit, cart request and dataLayer merged into one event', () => {
  test('Shopify: form submit + fetch /cart/add.js, resolved through ShopifyAnalytics', async () => {
    loadPage(shopify.shopifyProduct.url, shopify.shopifyProduct.html, shopify.shopifyProduct.globals);
    const events = await capture(async () => {
      submit(form(), form().querySelector('button'));
      await fetch('/cart/add.js', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ items: [{ id: 41002, quantity: 2 }] }) });
    });
    const adds = byType(events, 'cart_add');
    expect(adds).toHaveLength(1);
    expect(adds[0]!.props?.product).toEqual({ id: 'BS-M', name: 'Blue shirt', price: 21.99, currency: 'EUR', brand: 'Acme', category: 'Shirts', variant: 'M', quantity: 2 });
  });

  test('Shopify: quick add on a collection page (fetch /cart/add with FormData)', async () => {
    loadPage(shopify.shopifyCollection.url, shopify.shopifyCollection.html, shopify.shopifyCollection.globals);
    const events = await capture(async () => {
      const body = new FormData();
      body.append('id', '42001');
      body.append('quantity', '1');
      await fetch('/cart/add', { method: 'POST', body });
    });
    expect(byType(events, 'cart_add')[0]?.props?.product).toMatchObject({ id: 'RS-1', name: 'Red shirt', price: 25, quantity: 1 });
  });

  test('Shopify: fetch(new Request(…)) to /cart/add.js', async () => {
    loadPage(shopify.shopifyProduct.url, shopify.shopifyProduct.html, shopify.shopifyProduct.globals);
    // As browsers do (Fetch standard) and happy-dom does not: a used body cannot be cloned.
    const clone = Request.prototype.clone;
    vi.spyOn(Request.prototype, 'clone').mockImplementation(function (this: Request) {
      if (this.bodyUsed) throw new TypeError('Request body is already used');
      return clone.call(this);
    });
    const events = await capture(async () => {
      await fetch(new Request('https://acme.example/cart/add.js', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ items: [{ id: 41002, quantity: 3 }] }) }));
    });
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(byType(events, 'cart_add')[0]!.props?.product).toMatchObject({ id: 'BS-M', name: 'Blue shirt', quantity: 3 });
  });

  test('Shopify: /cart/change.js with quantity 0 is a cart_remove', async () => {
    loadPage(shopify.shopifyCart.url, shopify.shopifyCart.html, shopify.shopifyCart.globals);
    const events = await capture(async () => {
      await fetch('/cart/change.js', { method: 'POST', body: JSON.stringify({ id: '41002:abc', quantity: 0 }) });
      await fetch('/cart/change.js', { method: 'POST', body: JSON.stringify({ id: '41002:abc', quantity: 3 }) });
    });
    expect(byType(events, 'cart_remove')).toHaveLength(1);
  });

  test('WooCommerce: product form post, the page product filling in', async () => {
    loadPage(woo.wooProduct.url, woo.wooProduct.html);
    const events = await capture(() => submit(form(), form().querySelector('button')));
    expect(byType(events, 'cart_add')[0]?.props?.product).toEqual({ id: 'woo-hoodie-with-logo', name: 'Hoodie with Logo', price: 45, currency: 'EUR', quantity: 2 });
  });

  test('WooCommerce: ajax add to cart on a category page (?wc-ajax=add_to_cart)', async () => {
    loadPage(woo.wooCategory.url, woo.wooCategory.html);
    const events = await capture(() => xhr('POST', '/?wc-ajax=add_to_cart', 'product_sku=woo-hoodie-with-logo&product_id=70&quantity=1'));
    expect(byType(events, 'cart_add')[0]?.props?.product).toEqual({ id: 'woo-hoodie-with-logo', quantity: 1 });
  });

  test('WooCommerce: remove from the mini cart', async () => {
    loadPage(woo.wooCart.url, woo.wooCart.html);
    const events = await capture(() => xhr('POST', '/?wc-ajax=remove_from_cart', 'cart_item_key=c0c7c76d30bd3dcaefc96f40275bdc0a'));
    expect(byType(events, 'cart_remove')).toHaveLength(1);
  });

  test('Magento 2: product form submit + its ajax POST /checkout/cart/add', async () => {
    loadPage(magento.magentoProduct.url, magento.magentoProduct.html);
    const events = await capture(() => {
      submit(form(), form().querySelector('button'));
      xhr('POST', form().action, 'product=1&selected_configurable_option=&related_product=&item=1&form_key=Kq2dfTzQyX0s3aZR&qty=3');
    });
    const adds = byType(events, 'cart_add');
    expect(adds).toHaveLength(1);
    expect(adds[0]!.props?.product).toEqual({ id: '24-MB01', name: 'Joust Duffle Bag', price: 34, currency: 'USD', quantity: 3 });
  });

  test('BigCommerce: /remote/v1/cart/add from the product form', async () => {
    loadPage(bigcommerce.bigcommerceProduct.url, bigcommerce.bigcommerceProduct.html, bigcommerce.bigcommerceProduct.globals);
    const events = await capture(async () => {
      submit(form());
      await fetch('/remote/v1/cart/add', { method: 'POST', body: new FormData(form()) });
    });
    const adds = byType(events, 'cart_add');
    expect(adds).toHaveLength(1);
    expect(adds[0]!.props?.product).toMatchObject({ id: 'OTL', price: 109, currency: 'USD', quantity: 1 });
  });

  test('PrestaShop: the cart controller POST with add=1', async () => {
    loadPage(prestashop.prestashopProduct.url, prestashop.prestashopProduct.html);
    const events = await capture(() => {
      submit(form(), form().querySelector('button'));
      xhr('POST', 'https://ps.example/cart', 'token=0d5e3b8f2a1c4e6f&id_product=1&id_customization=0&group%5B1%5D=1&qty=2&add=1&action=update');
      xhr('POST', 'https://ps.example/module/ps_shoppingcart/ajax', 'id_product=1&id_product_attribute=1&id_customization=0&action=add-to-cart');
    });
    const adds = byType(events, 'cart_add');
    expect(adds).toHaveLength(1);
    expect(adds[0]!.props?.product).toMatchObject({ id: 'demo_1', name: 'Hummingbird printed t-shirt', price: 23.9, quantity: 2 });
  });

  test('PrestaShop: delete=1 is a cart_remove', async () => {
    loadPage(prestashop.prestashopCart.url, prestashop.prestashopCart.html);
    const events = await capture(() => xhr('POST', 'https://ps.example/cart?delete=1&id_product=1&id_product_attribute=1&token=abc', 'ajax=1&action=update'));
    expect(byType(events, 'cart_remove')).toHaveLength(1);
  });

  test('two adds seconds apart are two events', async () => {
    loadPage(woo.wooCategory.url, woo.wooCategory.html);
    const events = await capture(async () => {
      xhr('POST', '/?wc-ajax=add_to_cart', 'product_sku=a&product_id=1&quantity=1');
      await new Promise((resolve) => setTimeout(resolve, 1600));
      xhr('POST', '/?wc-ajax=add_to_cart', 'product_sku=b&product_id=2&quantity=1');
    });
    expect(byType(events, 'cart_add').map((event) => (event.props?.product as any).id)).toEqual(['a', 'b']);
  });
});

describe('forms and data-waymark', () => {
  test('newsletter (PrestaShop ps_emailsubscription) and review (WooCommerce) forms', async () => {
    loadPage(prestashop.prestashopProduct.url, prestashop.prestashopProduct.html);
    const news = await capture(() => submit(document.querySelector('.block_newsletter form')!));
    expect(byType(news, 'newsletter_signup')).toHaveLength(1);
    loadPage(woo.wooProduct.url, woo.wooProduct.html);
    const reviews = await capture(async (waymark) => {
      waymark.page('product_view', { product: { id: 'woo-hoodie-with-logo' } });
      submit(document.querySelector('#commentform')!);
    });
    expect(byType(reviews, 'review_submit')[0]?.props).toEqual({ product: { id: 'woo-hoodie-with-logo' } });
  });

  test('data-waymark marks a page and its interactions', async () => {
    loadPage(
      'https://custom.example/merci',
      `<!doctype html><html><head></head><body>
<div data-waymark="order_complete" data-waymark-order-id="A-77" data-waymark-revenue="1.234,50" data-waymark-currency="eur"></div>
<button data-waymark="cart_add" data-waymark-id="SKU-9" data-waymark-price="9.90" data-waymark-currency="EUR"><span>Add</span></button>
<a data-waymark="gift_card_view" data-waymark-stage="consideration" data-waymark-amount="50">Gift cards</a>
</body></html>`,
    );
    const events = await capture(() => {
      document.querySelector('button span')!.dispatchEvent(new Event('click', { bubbles: true }));
      document.querySelector('a')!.dispatchEvent(new Event('click', { bubbles: true }));
    });
    expect(byType(events, 'order_complete')[0]?.props).toEqual({ order_id: 'A-77', revenue: 1234.5, currency: 'EUR' });
    expect(byType(events, 'cart_add')[0]?.props).toEqual({ product: { id: 'SKU-9', price: 9.9, currency: 'EUR' } });
    expect(byType(events, 'gift_card_view')[0]).toMatchObject({ stage: 'consideration', props: { amount: '50' } });
  });
});

test('a marked feedback form sends its rating', async () => {
  loadPage('https://shop.example/account/orders/1', '<!doctype html><html><head></head><body><form class="feedback" data-waymark="feedback" data-waymark-about="loyalty"><select name="rating"><option>4</option></select><input name="comment" value="Fast"><button type="submit">Send</button></form></body></html>');
  const events = await capture(() => submit(document.querySelector('form')!));
  expect(byType(events, 'feedback')[0]?.props).toEqual({ rating: 4, comment: 'Fast', about: 'loyalty' });
});

test("page('product_view') without its product, then an add to cart: the cart_add is sent and nothing reaches the page", async () => {
  loadPage('https://shop.example/products/x', '<!doctype html><html><head></head><body><form action="/cart/add" method="post"><input name="id" value="SKU-1"><button>Add</button></form></body></html>');
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  window.addEventListener('error', onError);
  try {
    const events = await capture(async (waymark) => {
      waymark.page('product_view');
      await fetch('/cart/add.js', { method: 'POST', body: JSON.stringify({ id: 'SKU-1', quantity: 1 }) });
      // The merge of one action's signals ends on a timer.
      await new Promise((resolve) => setTimeout(resolve, 1600));
    });
    expect(errors).toEqual([]);
    expect(byType(events, 'cart_add')[0]?.props).toEqual({ product: { id: 'SKU-1', quantity: 1 } });
    // page() refuses what track() refuses: a product_view without its product.
    expect(byType(events, 'product_view').every((event) => event.props?.product)).toBe(true);
  } finally {
    window.removeEventListener('error', onError);
  }
});

test('a marked newsletter form: one newsletter_signup per submit, and no e-mail address sent', async () => {
  loadPage(
    'https://shop.example/',
    `<!doctype html><html><head></head><body><footer><form action="/contact/newsletter" method="post" class="newsletter" data-waymark="newsletter_signup">
<input type="email" name="email" value="jane.doe@example.com"><input name="first_name" value="Jane"><input name="phone" value="+49 30 1234567"><button type="submit">Subscribe</button>
</form></footer></body></html>`,
  );
  const events = await capture(() => submit(document.querySelector('form')!, document.querySelector('button')));
  expect(byType(events, 'newsletter_signup')).toHaveLength(1);
  expect(byType(events, 'newsletter_signup')[0]!.props ?? {}).toEqual({});
  const sent = JSON.stringify(events);
  for (const personal of ['@', 'jane', 'Jane', '1234567']) expect(sent).not.toContain(personal);
});

describe('forms that are not what they seem', () => {
  test("a form with a field named checkout (a rental search) is no checkout start; Shopify's cart checkout button is, once", async () => {
    loadPage('https://stay.example/', '<!doctype html><html><head></head><body><form action="/search"><input name="checkin" value="2026-12-01"><input name="checkout" value="2026-12-05"><button>Search</button></form></body></html>');
    const rental = await capture(() => submit(document.querySelector('form')!, document.querySelector('button')));
    expect(byType(rental, 'checkout_start')).toHaveLength(0);
  });

  test('a submit handler that ends in form.submit() (jQuery Validation) is one submit', async () => {
    loadPage('https://shop.example/', '<!doctype html><html><head></head><body><form action="/newsletter/subscribe" method="post" class="newsletter"><input name="email" value="a@b.example"><button>Go</button></form></body></html>');
    const form = document.querySelector('form')!;
    // happy-dom would navigate; a real browser posts the form.
    const nativeSubmit = HTMLFormElement.prototype.submit;
    HTMLFormElement.prototype.submit = function () {};
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      form.submit();
    });
    const events = await capture(() => submit(form, document.querySelector('button')));
    HTMLFormElement.prototype.submit = nativeSubmit;
    expect(byType(events, 'newsletter_signup')).toHaveLength(1);
  });

  test('cookieless (GPC) with the Shopify pixel installed: the cart checkout button leaves the checkout start to the pixel', async () => {
    loadPage('https://acme.example/cart', '<!doctype html><html><head></head><body><form action="/cart" method="post" id="cart"><input name="updates[]" value="1"></form><button type="submit" name="checkout" form="cart">Check out</button></body></html>');
    localStorage.setItem('wm_px', String(Date.now()));
    vi.stubGlobal('navigator', Object.create(navigator, { globalPrivacyControl: { value: true } }));
    const form = document.querySelector('form')!;
    form.addEventListener('submit', (event) => event.preventDefault());
    const events = await capture(() => submit(form, document.querySelector('button')));
    vi.unstubAllGlobals();
    expect(byType(events, 'checkout_start')).toHaveLength(0);
  });
});
