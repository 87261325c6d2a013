import { describe, expect, test, vi } from 'vitest';
import * as real from './fixtures/realMagentoPrestaShop.ts';
import { byType, capture, loadPage, pageEvents, submit } from './helpers.ts';
import { muteXhr, open, pageOf, xhr } from './realPages.ts';

muteXhr();

// What an analyst expects from real Magento 2 (Luma, Hyvä) and PrestaShop 8 (classic,
// Hummingbird) storefronts, page by page, with the requests their own scripts make. The
// pages are in fixtures/realMagentoPrestaShop.ts, each naming the templates it renders.

/**
 * What Magento's lib/web/mage/dataPost.js (and Hyvä's `hyva.postForm`) do with a
 * `data-post` link: build a form, append it and call the form's `submit()` — jQuery's
 * `.submit()` runs jQuery handlers and then the native `form.submit()`, which fires no
 * `submit` event. The page then navigates: `HTMLFormElement.prototype.submit` is stubbed
 * (before the SDK starts, so that anything wrapping it still sees the call).
 */
const stubNativeSubmit = () => vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => {});
const postData = (link: Element) => {
  link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  const params = JSON.parse(link.getAttribute('data-post')!);
  const form = document.createElement('form');
  form.action = params.action;
  form.method = 'post';
  for (const [name, value] of Object.entries({ ...params.data, form_key: 'Kq2dfTzQyX0s3aZR' })) {
    const input = document.createElement('input');
    input.name = name;
    input.value = String(value);
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.style.display = 'none';
  form.submit();
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------
describe('Magento 2.4 Luma', () => {
  test('product page: microdata on <body>, Offer price box, Open Graph', async () => {
    const event = await pageOf(real.lumaProduct);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toEqual({ id: '24-MB01', name: 'Joust Duffle Bag', price: 34, currency: 'USD' });
  });

  test('product page whose price Magento prints unrounded (185.130001): price is 185.13, not 185130001', async () => {
    const event = await pageOf(real.lumaProductUnroundedPrice);
    expect(event.type).toBe('product_view');
    expect((event.props?.product as any).price).toBeCloseTo(185.13, 2);
  });

  test('add to cart: the form submit and catalog-add-to-cart.js ajax (FormData) are one cart_add with the page product', async () => {
    open(real.lumaProduct);
    const events = await capture(() => {
      const form = document.querySelector<HTMLFormElement>('#product_addtocart_form')!;
      form.querySelector<HTMLInputElement>('#qty')!.value = '2';
      submit(form, form.querySelector<HTMLElement>('#product-addtocart-button'));
      // catalogAddToCart.ajaxSubmit: $.ajax({url: form.attr('action'), data: new FormData(form[0]), type: 'post', processData: false})
      xhr('POST', form.action, new FormData(form));
    });
    const adds = byType(events, 'cart_add');
    expect(adds).toHaveLength(1);
    expect(adds[0]!.props?.product).toEqual({ id: '24-MB01', name: 'Joust Duffle Bag', price: 34, currency: 'USD', quantity: 2 });
  });

  test('category page: product_list_view named by the title', async () => {
    expect(await pageOf(real.lumaCategory)).toMatchObject({ type: 'product_list_view', props: { list: 'Bags' } });
  });

  test('category quick add (list.phtml tocart form + ajax): cart_add names the product by its SKU, as its product_view does', async () => {
    open(real.lumaCategory);
    const events = await capture(() => {
      const form = document.querySelectorAll<HTMLFormElement>('form[data-role=tocart-form]')[1]!;
      submit(form, form.querySelector<HTMLElement>('button'));
      xhr('POST', form.action, new FormData(form));
    });
    const adds = byType(events, 'cart_add');
    expect(adds).toHaveLength(1);
    // The form says data-product-sku="24-MB04"; `product` is Magento's entity id (4).
    expect((adds[0]!.props?.product as any).id).toBe('24-MB04');
  });

  test('"Add to Wish List" (a.towishlist[data-post] → dataPost → form.submit()) is a wishlist_add', async () => {
    open(real.lumaProduct);
    stubNativeSubmit();
    const events = await capture(() => postData(document.querySelector('a.towishlist')!));
    expect(byType(events, 'wishlist_add')).toHaveLength(1);
    expect(byType(events, 'wishlist_add')[0]!.props?.product).toMatchObject({ id: '24-MB01' });
  });

  test('cart page "Remove item" (a.action-delete[data-post] → checkout/cart/delete) is a cart_remove', async () => {
    open(real.lumaCart);
    stubNativeSubmit();
    const events = await capture(() => postData(document.querySelector('a.action-delete')!));
    expect(byType(events, 'cart_remove')).toHaveLength(1);
    // The post names the cart item (5); its quantity field names the product.
    expect(byType(events, 'cart_remove')[0]!.props?.product).toEqual({ id: '24-MB01' });
  });

  test('cart page is a cart_view; mini cart remove (sidebar.js POST checkout/sidebar/removeItem) is a cart_remove', async () => {
    open(real.lumaCart);
    const events = await capture(() => xhr('POST', 'https://magento.example/checkout/sidebar/removeItem/', 'item_id=5&form_key=Kq2dfTzQyX0s3aZR'));
    expect(pageEvents(events).map((event) => event.type)).toEqual(['cart_view']);
    expect(byType(events, 'cart_remove')).toHaveLength(1);
  });

  test('search page', async () => {
    expect(await pageOf(real.lumaSearch)).toMatchObject({ type: 'site_search', props: { query: 'duffle' } });
  });

  test('checkout: checkout_start, then the #payment step', async () => {
    open(real.lumaCheckout);
    const events = await capture(async () => {
      await Promise.resolve();
      history.replaceState(null, '', '#shipping');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      history.replaceState(null, '', '#payment');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const types = pageEvents(events).map((event) => [event.type, event.props?.step]);
    expect(types).toEqual(expect.arrayContaining([['checkout_start', undefined], ['checkout_step', 'payment']]));
  });

  test('success page (guest and customer): the order number it prints, and no revenue since it prints none', async () => {
    expect((await pageOf(real.lumaSuccessGuest)).props).toEqual({ order_id: '000000012' });
    expect((await pageOf(real.lumaSuccessCustomer)).props).toEqual({ order_id: '000000012' });
  });

  const gtag = function gtag() {
    // eslint-disable-next-line prefer-rest-params
    (window as any).dataLayer.push(arguments);
  };
  /** Magento_GoogleGtag/js/google-analytics.js with `window.gtag` defined. */
  const magentoGtagPurchase = () => {
    const { ordersTrackingData: data, pageTrackingData } = real.magentoGtagConfig;
    (window as any).gtag('config', pageTrackingData.measurementId, { anonymize_ip: true });
    (window as any).gtag('event', 'purchase', { ...data.orders[0], items: data.products });
  };
  const gtagOrder = {
    order_id: '000000012',
    revenue: 1234.5,
    tax: 98.77,
    shipping: 15,
    items: [
      { id: '24-MB01', name: 'Joust Duffle Bag', price: 34, quantity: 2 },
      { id: '24-WG080', name: 'Sprite Foam Yoga Brick', price: 1100, quantity: 1 },
    ],
  };

  test('success page with Magento_GoogleGtag: the gtag() purchase (amounts "1,234.50", no currency in it)', async () => {
    open({ ...real.lumaSuccessGtag, globals: { dataLayer: [], gtag } });
    const events = await capture(() => magentoGtagPurchase());
    const [order] = byType(events, 'order_complete');
    expect(order?.props).toEqual(gtagOrder);
  });

  test('success page with Magento_GoogleGtag: a purchase pushed after the page settled (RequireJS loads the module late) still gives the order its revenue', async () => {
    open({ ...real.lumaSuccessGtag, globals: { dataLayer: [], gtag } });
    const events = await capture(async () => {
      await sleep(3000);
      magentoGtagPurchase();
    });
    const orders = byType(events, 'order_complete');
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.at(-1)!.props).toMatchObject({ order_id: '000000012', revenue: 1234.5 });
  }, 10_000);

  test('customer order view: order_tracking_view with the order number the page shows (the one order_complete sent), not the entity id of the URL', async () => {
    const event = await pageOf(real.lumaOrderView);
    expect(event.type).toBe('order_tracking_view');
    expect(event.props).toEqual({ order_id: '000000012' });
  });

  test('guest order view (Orders and Returns result): order_tracking_view with its order number', async () => {
    const event = await pageOf(real.lumaGuestOrderView);
    expect(event.type).toBe('order_tracking_view');
    expect(event.props).toEqual({ order_id: '000000012' });
  });

  test('guest "Orders and Returns" lookup form is order tracking, as PrestaShop\'s guest-tracking is', async () => {
    expect((await pageOf(real.lumaGuestForm)).type).toBe('order_tracking_view');
  });

  test('customer account dashboard', async () => {
    expect((await pageOf(real.lumaAccount)).type).toBe('account_view');
  });

  test('"My Orders" (sales/order/history) is an account or order-tracking page, not a page_view', async () => {
    expect(['account_view', 'order_tracking_view']).toContain((await pageOf(real.lumaOrderHistory)).type);
  });

  test('newsletter (Magento_Newsletter subscribe.phtml) and review (Magento_Review form.phtml) forms; no e-mail sent', async () => {
    open(real.lumaProduct);
    const events = await capture(async () => {
      // A shopper writes a review long after the page settled.
      await sleep(1000);
      submit(document.querySelector<HTMLFormElement>('#newsletter-validate-detail')!, document.querySelector<HTMLElement>('#newsletter-validate-detail button'));
      submit(document.querySelector<HTMLFormElement>('#review-form')!, document.querySelector<HTMLElement>('#review-form button'));
    });
    expect(byType(events, 'newsletter_signup')).toHaveLength(1);
    expect(byType(events, 'review_submit')[0]?.props).toEqual({ product: expect.objectContaining({ id: '24-MB01' }) });
    expect(JSON.stringify(events)).not.toContain('jane.doe');
  });
});

// ---------------------------------------------------------------------------------------
describe('Magento 2.4 Hyvä', () => {
  test('product page: name from the title microdata, price and currency from the Offer and Open Graph', async () => {
    const event = await pageOf(real.hyvaProduct);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toMatchObject({ name: 'Joust Duffle Bag', price: 34, currency: 'USD' });
  });

  test('add to cart: native submit by the button outside the form (form="product_addtocart_form"), qty outside too', async () => {
    open(real.hyvaProduct);
    const events = await capture(() => {
      const form = document.querySelector<HTMLFormElement>('#product_addtocart_form')!;
      document.querySelector<HTMLInputElement>('input[name=qty][form=product_addtocart_form]')!.value = '2';
      submit(form, document.querySelector<HTMLElement>('button[form=product_addtocart_form]'));
    });
    const adds = byType(events, 'cart_add');
    expect(adds).toHaveLength(1);
    expect(adds[0]!.props?.product).toMatchObject({ name: 'Joust Duffle Bag', price: 34, currency: 'USD', quantity: 2 });
  });

  test('product_view and the cart_add of the same page name the product by the same id', async () => {
    open(real.hyvaProduct);
    const events = await capture(() => {
      const form = document.querySelector<HTMLFormElement>('#product_addtocart_form')!;
      submit(form, document.querySelector<HTMLElement>('button[form=product_addtocart_form]'));
    });
    const viewed = (byType(events, 'product_view')[0]!.props?.product as any)?.id;
    const added = (byType(events, 'cart_add')[0]!.props?.product as any)?.id;
    expect(added).toBeDefined();
    expect(viewed).toBe(added);
  });

  test('wishlist button: fetch(BASE_URL + "wishlist/index/add/") is a wishlist_add of the page product', async () => {
    open(real.hyvaProduct);
    const events = await capture(async () => {
      await fetch('https://hyva.example/wishlist/index/add/', {
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        body: 'form_key=Zx81kPq2LmNo4RtY&product=1&uenc=' + btoa(location.href),
        method: 'POST',
        mode: 'cors',
        credentials: 'include',
      });
    });
    const wishes = byType(events, 'wishlist_add');
    expect(wishes).toHaveLength(1);
    expect(wishes[0]!.props?.product).toMatchObject({ id: '1', name: 'Joust Duffle Bag' });
  });

  test('cart drawer delete: fetch(BASE_URL + "checkout/sidebar/removeItem/") is a cart_remove', async () => {
    open(real.hyvaProduct);
    const events = await capture(async () => {
      await fetch('https://hyva.example/checkout/sidebar/removeItem/', {
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        body: 'form_key=Zx81kPq2LmNo4RtY&item_id=5',
        method: 'POST',
        mode: 'cors',
        credentials: 'include',
      });
    });
    expect(byType(events, 'cart_remove')).toHaveLength(1);
  });

  test('category page and its per-item cart forms (native POST to checkout/cart/add)', async () => {
    open(real.hyvaCategory);
    const events = await capture(() => {
      const form = document.querySelectorAll<HTMLFormElement>('form.product_addtocart_form')[1]!;
      submit(form, form.querySelector<HTMLElement>('button'));
    });
    expect(pageEvents(events)[0]).toMatchObject({ type: 'product_list_view', props: { list: 'Bags' } });
    expect(byType(events, 'cart_add')[0]?.props?.product).toEqual({ id: '4' });
  });
});

// ---------------------------------------------------------------------------------------
describe('PrestaShop 8 classic', () => {
  test('product page from its JSON-LD', async () => {
    const event = await pageOf(real.psProduct);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toEqual({ id: 'demo_1', name: 'Hummingbird printed t-shirt', price: 23.9, currency: 'EUR', brand: 'Studio Design', category: 'Men' });
  });

  test("product name with an apostrophe (Smarty escape_html prints &#039; inside the JSON-LD): the name is the shop's, unescaped", async () => {
    const event = await pageOf(real.psProductApostrophe);
    expect((event.props?.product as any).name).toBe("The best is yet to come' Framed poster");
  });

  test('add to cart by core.js (click, preventDefault, no submit event): the cart POST with add=1 and ps_shoppingcart\'s refresh are one cart_add', async () => {
    open(real.psProduct);
    const events = await capture(() => {
      const button = document.querySelector<HTMLButtonElement>('[data-button-action="add-to-cart"]')!;
      button.addEventListener('click', (event) => event.preventDefault());
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      const form = button.closest('form')!;
      const query = new URLSearchParams(new FormData(form) as any).toString() + '&add=1&action=update';
      xhr('POST', form.action, query);
      xhr('POST', '//ps.example/module/ps_shoppingcart/ajax', 'id_product_attribute=1&id_product=1&action=add-to-cart');
    });
    const adds = byType(events, 'cart_add');
    expect(adds).toHaveLength(1);
    expect(adds[0]!.props?.product).toEqual({ id: 'demo_1', name: 'Hummingbird printed t-shirt', price: 23.9, currency: 'EUR', brand: 'Studio Design', category: 'Men', quantity: 2 });
  });

  test('category page: product_list_view named by its h1', async () => {
    expect(await pageOf(real.psCategory)).toMatchObject({ type: 'product_list_view', props: { list: 'Clothes' } });
  });

  test('category page: the products of its JSON-LD ItemList (ListItems with name and url)', async () => {
    const event = await pageOf(real.psCategory);
    const products = event.props?.products as any[];
    expect(products?.map((product) => product.name)).toEqual(['Hummingbird printed t-shirt', 'Hummingbird printed sweater']);
  });

  test('category filtered by ps_facetedsearch (?q=Size-S) is still a product_list_view, not a site_search for "Size-S"', async () => {
    expect((await pageOf(real.psCategoryFiltered)).type).toBe('product_list_view');
  });

  test('search page (?s=)', async () => {
    expect(await pageOf(real.psSearch)).toMatchObject({ type: 'site_search', props: { query: 't-shirt' } });
  });

  test('cart page: cart_view with the value, currency and items of prestashop.cart', async () => {
    const event = await pageOf(real.psCart);
    expect(event.type).toBe('cart_view');
    expect(event.props).toMatchObject({ value: 54.8, currency: 'EUR' });
    expect((event.props?.items as any[])?.[0]).toMatchObject({ name: 'Hummingbird printed t-shirt', price: 23.9, quantity: 2 });
  });

  test('cart page delete (classic cart.js POST to remove_from_cart_url, ajax=1&action=update): cart_remove names the product of the URL', async () => {
    open(real.psCart);
    const events = await capture(() => {
      const link = document.querySelector<HTMLAnchorElement>('[data-link-action="delete-from-cart"]')!;
      xhr('POST', link.href, 'ajax=1&action=update');
    });
    const removes = byType(events, 'cart_remove');
    expect(removes).toHaveLength(1);
    expect(removes[0]!.props?.product).toMatchObject({ id: '1' });
  });

  test('checkout with the delivery step current is a checkout_step "shipping"; with the payment step current, "payment"', async () => {
    // Each step of the one-page checkout reloads /order.
    const referrer = vi.spyOn(document, 'referrer', 'get').mockReturnValue('https://ps.example/order');
    expect(await pageOf(real.psCheckoutDelivery)).toMatchObject({ type: 'checkout_step', props: { step: 'shipping' } });
    expect(await pageOf(real.psCheckoutPayment)).toMatchObject({ type: 'checkout_step', props: { step: 'payment' } });
    // A returning customer who lands on a later step from the cart starts the checkout there.
    referrer.mockReturnValue('https://ps.example/cart?action=show');
    expect(await pageOf(real.psCheckoutDelivery)).toMatchObject({ type: 'checkout_start', props: { value: 54.8, currency: 'EUR' } });
    referrer.mockRestore();
  });

  test('order confirmation: order id of the URL', async () => {
    expect(await pageOf(real.psConfirmation)).toMatchObject({ type: 'order_complete', props: { order_id: '5' } });
  });

  test('order confirmation: the revenue and currency it prints (Total (tax incl.) €54.80, the shop currency EUR)', async () => {
    const event = await pageOf(real.psConfirmation);
    expect(event.props).toMatchObject({ order_id: '5', revenue: 54.8, currency: 'EUR' });
  });

  test('order detail, merchandise returns, guest tracking, my account', async () => {
    expect(await pageOf(real.psOrderDetail)).toMatchObject({ type: 'order_tracking_view', props: { order_id: '5' } });
    expect((await pageOf(real.psOrderFollow)).type).toBe('return_start');
    expect((await pageOf(real.psGuestTracking)).type).toBe('order_tracking_view');
    expect((await pageOf(real.psAccount)).type).toBe('account_view');
  });

  test('blockwishlist add (POST with the product in the query string, no body): wishlist_add names product 1', async () => {
    open(real.psProduct);
    const events = await capture(async () => {
      await fetch(real.psWishlistAddUrl, { method: 'POST' });
    });
    const wishes = byType(events, 'wishlist_add');
    expect(wishes).toHaveLength(1);
    expect(wishes[0]!.props?.product).toMatchObject({ id: expect.stringMatching(/^(?:1|demo_1)$/) });
  });

  test('newsletter (ps_emailsubscription) and review (productcomments) forms; no e-mail or name sent', async () => {
    open(real.psProduct);
    const events = await capture(async () => {
      await sleep(1000);
      const news = document.querySelector<HTMLFormElement>('.block_newsletter form')!;
      submit(news, news.querySelector<HTMLElement>('[name=submitNewsletter]'));
      const review = document.querySelector<HTMLFormElement>('#post-product-comment-form')!;
      submit(review, review.querySelector<HTMLElement>('button[type=submit]'));
    });
    expect(byType(events, 'newsletter_signup')).toHaveLength(1);
    expect(byType(events, 'review_submit')[0]?.props).toEqual({ product: expect.objectContaining({ id: 'demo_1' }) });
    const sent = JSON.stringify(events);
    expect(sent).not.toContain('jane.doe');
    expect(sent).not.toContain('Jane');
  });
});

// ---------------------------------------------------------------------------------------
describe('PrestaShop 8 Hummingbird', () => {
  test('category page and a miniature add to cart (core.js: id_product, token, qty + add=1)', async () => {
    open(real.hummingbirdCategory);
    const events = await capture(() => {
      const form = document.querySelectorAll<HTMLFormElement>('.product-miniature form')[1]!;
      const query = new URLSearchParams(new FormData(form) as any).toString() + '&add=1&action=update';
      xhr('POST', form.action, query);
    });
    expect(pageEvents(events)[0]).toMatchObject({ type: 'product_list_view', props: { list: 'Accessories' } });
    expect(byType(events, 'cart_add')[0]?.props?.product).toEqual({ id: '7', quantity: 1 });
  });

  test('newsletter block (.email-subscription, submitNewsletter)', async () => {
    open(real.hummingbirdCategory);
    const events = await capture(() => {
      const form = document.querySelector<HTMLFormElement>('.email-subscription form')!;
      submit(form, form.querySelector<HTMLElement>('[name=submitNewsletter]'));
    });
    expect(byType(events, 'newsletter_signup')).toHaveLength(1);
  });
});

test('PrestaShop without friendly URLs: the delivery step reached from the cart controller is the checkout start; with no referrer path, a step', async () => {
  const page = { ...real.psCheckoutDelivery, url: 'https://ps.example/index.php?controller=order' };
  const referrer = vi.spyOn(document, 'referrer', 'get').mockReturnValue('https://ps.example/index.php?controller=cart&action=show');
  try {
    loadPage(page.url, page.html, page.globals);
    expect(pageEvents(await capture()).map((event) => event.type)).toEqual(['checkout_start']);
    referrer.mockReturnValue('https://ps.example/');
    loadPage(page.url, page.html, page.globals);
    expect(pageEvents(await capture()).map((event) => [event.type, event.props?.step])).toEqual([['checkout_step', 'shipping']]);
  } finally {
    referrer.mockRestore();
  }
});
