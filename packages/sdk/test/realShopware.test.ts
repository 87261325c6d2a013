// The SDK against real Shopware 6 (6.5 / 6.6 default Storefront) markup and requests, rendered from
// the platform's own templates and storefront plugins (see fixtures/realShopware.ts for each source).
// Each test says what a shop analyst expects; a failing test documents where the SDK is wrong.
//
// Shopware's storefront JS (repository shopware/shopware, src/Storefront/Resources/app/storefront/src/):
// - plugin/add-to-cart/add-to-cart.plugin.js: on the buy form's submit, preventDefault, then
//   OffCanvasCartPlugin.openOffCanvas(action, FormSerializeUtil.serialize(form)) → AjaxOffCanvas →
//   service/http-client.service.js: an XMLHttpRequest POST of the FormData to /checkout/line-item/add.
// - plugin/offcanvas-cart/offcanvas-cart.plugin.js: the remove form's submit, preventDefault, XHR POST
//   to /checkout/line-item/delete/{id}; quantity inputs XHR POST /checkout/line-item/change-quantity/{id}.
// - plugin/wishlist/add-to-wishlist.plugin.js + persist-wishlist.plugin.js (logged-in customers):
//   the heart's click, preventDefault, XHR POST /wishlist/add/{productId} with no body.
// - plugin/forms/form-ajax-submit.plugin.js (review form): the submit event, preventDefault, XHR POST.
// - plugin/forms/form-cms-handler.plugin.js (on `.cms-element-form form`): the button's click is
//   prevented (no submit event), then XHR POST of `new FormData(form)`.
// - plugin/forms/form-auto-submit.plugin.js with useAjax (account newsletter): on change, XHR POST.
import { describe, expect, test } from 'vitest';
import * as real from './fixtures/realShopware.ts';
import { byType, capture, loadPage, submit } from './helpers.ts';
import { muteXhr, open, pageOf, xhr, click, settled, $, $input, $form, productOf } from './realPages.ts';

muteXhr();

/** AddToCartPlugin.init(): `redirectTo` becomes frontend.cart.offcanvas and the redirect parameters are disabled. */
const prepareBuyForm = (form: HTMLFormElement) => {
  (form.querySelector('[name="redirectTo"]') as HTMLInputElement).value = 'frontend.cart.offcanvas';
  const parameters = form.querySelector('[data-redirect-parameters="true"]') as HTMLInputElement | null;
  if (parameters) parameters.disabled = true;
};

/** A buy form as AddToCartPlugin sends it: the submit (prevented) and the XHR of its FormData to the form's action. */
const addToCart = (form: HTMLFormElement) => {
  prepareBuyForm(form);
  submit(form, form.querySelector<HTMLElement>('button.btn-buy'));
  xhr('POST', form.getAttribute('action')!, new FormData(form));
};

const SNEAKER = { id: 'SW10023', name: 'Leather Sneaker Vintage', price: 89.95, currency: 'EUR', brand: 'Shopware Fashion' };

describe('Shopware 6: pages', () => {
  test('product page (CMS layout): microdata Product with sku, name, Offer price/priceCurrency, Brand', async () => {
    const event = await pageOf(real.product);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toMatchObject(SNEAKER);
  });

  test('category (6.5/6.6 default listing layout, no h1): a product_list_view named by the category', async () => {
    expect(await pageOf(real.category)).toMatchObject({ type: 'product_list_view', props: { list: 'Sneakers' } });
  });

  test('home page (is-ctl-navigation is-act-home) with a product slider is a page_view', async () => {
    expect((await pageOf(real.home)).type).toBe('page_view');
  });

  test('search results /search?search=…', async () => {
    expect(await pageOf(real.search)).toMatchObject({ type: 'site_search', props: { query: 'sneaker' } });
  });

  test('cart page /checkout/cart', async () => {
    expect((await pageOf(real.cart)).type).toBe('cart_view');
  });

  test('checkout: guest registration /checkout/register and confirm page /checkout/confirm', async () => {
    expect((await pageOf(real.checkoutRegister)).type).toBe('checkout_start');
    expect(['checkout_start', 'checkout_step']).toContain((await pageOf(real.confirm)).type);
  });

  test('finish page /checkout/finish?orderId=…: an order_complete with the printed order number, not the UUID of the URL', async () => {
    const event = await pageOf(real.finish);
    expect(event.type).toBe('order_complete');
    expect(event.props).toMatchObject({ order_id: '10062' });
  });

  test('finish page: the printed grand total is the revenue', async () => {
    const event = await pageOf(real.finish);
    expect(event.props).toMatchObject({ order_id: '10062', revenue: 185.8 });
  });

  test('account overview and order history are account_view', async () => {
    expect((await pageOf(real.accountOverview)).type).toBe('account_view');
    expect((await pageOf(real.accountOrders)).type).toBe('account_view');
  });

  test('single order page of the mail’s deep link /account/order/{deepLinkCode}: order_tracking_view with the order number', async () => {
    expect(await pageOf(real.accountOrderDeepLink)).toMatchObject({ type: 'order_tracking_view', props: { order_id: '10062' } });
  });
});

describe('Shopware 6: cart interactions', () => {
  test('product page: the buy form (submit + XHR POST /checkout/line-item/add, lineItems[…][quantity]=2) is one cart_add', async () => {
    open(real.product);
    const form = $form('#productDetailPageBuyProductForm');
    form.querySelector<HTMLInputElement>('.quantity-selector-group-input')!.value = '2';
    const events = await capture(() => addToCart(form));
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ ...SNEAKER, quantity: 2 });
  });

  test('category: a card’s buy form (action.html.twig) is a cart_add of that card’s product', async () => {
    open(real.category);
    const form = document.querySelectorAll<HTMLFormElement>('.cms-listing-row form.buy-widget')[2]!;
    const events = await capture(() => addToCart(form));
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ id: real.ids.boot, quantity: 1 });
  });

  test('product page: a cross-selling card’s buy form adds that product, not the page product', async () => {
    open(real.product);
    const form = $form('.cms-element-cross-selling form.buy-widget');
    const events = await capture(() => addToCart(form));
    expect(byType(events, 'cart_add')).toHaveLength(1);
    const product = productOf(events, 'cart_add');
    expect(product).toMatchObject({ id: real.ids.canvas, quantity: 1 });
    expect(product?.name).not.toBe(SNEAKER.name);
  });

  test('offcanvas cart: the remove button (submit prevented, XHR POST /checkout/line-item/delete/{id}) is a cart_remove of that product', async () => {
    open(real.product);
    document.body.insertAdjacentHTML('beforeend', real.offcanvasCart);
    const form = $form('form.js-offcanvas-cart-remove-product');
    const events = await capture(() => {
      submit(form, form.querySelector<HTMLElement>('.line-item-remove-button'));
      xhr('POST', form.getAttribute('action')!, new FormData(form));
    });
    expect(byType(events, 'cart_add')).toHaveLength(0);
    expect(byType(events, 'cart_remove')).toHaveLength(1);
    expect([real.ids.sneaker, 'SW10023']).toContain(productOf(events, 'cart_remove')?.id);
  });

  test('cart page: the line item’s remove form (a native POST /checkout/line-item/delete/{id}) is a cart_remove', async () => {
    open(real.cart);
    const form = $form('.line-item-remove form');
    const events = await capture(() => submit(form, form.querySelector<HTMLElement>('.line-item-remove-button')));
    expect(byType(events, 'cart_remove')).toHaveLength(1);
    expect([real.ids.sneaker, 'SW10023']).toContain(productOf(events, 'cart_remove')?.id);
  });

  test('offcanvas cart: changing a quantity (XHR POST /checkout/line-item/change-quantity/{id}, quantity=3) is no cart_remove', async () => {
    open(real.product);
    document.body.insertAdjacentHTML('beforeend', real.offcanvasCart);
    const form = $form('form.line-item-quantity-container');
    form.querySelector<HTMLInputElement>('input[name="quantity"]')!.value = '3';
    const events = await capture(() => xhr('POST', form.getAttribute('action')!, new FormData(form)));
    expect(byType(events, 'cart_remove')).toHaveLength(0);
  });

  test('product page: the wishlist heart of a logged-in customer (XHR POST /wishlist/add/{productId}) is a wishlist_add of the page product', async () => {
    open(real.product);
    const events = await capture(async () => {
      await settled();
      click($('.product-detail-buy-018c5b0f3a9a72d1b0e4c6f2a8d3e604 > .product-wishlist > button[data-add-to-wishlist]'));
      xhr('POST', `/wishlist/add/${real.ids.sneaker}`, null);
    });
    expect(byType(events, 'wishlist_add')).toHaveLength(1);
    expect(productOf(events, 'wishlist_add')).toMatchObject({ id: 'SW10023' });
  });
});

describe('Shopware 6: forms', () => {
  test('product page: the review form (form.review-form POST /product/{id}/rating, FormAjaxSubmit) is a review_submit of the page product', async () => {
    open(real.product);
    $input('#reviewTitle').value = 'Great sneaker';
    ($('#reviewContent') as HTMLTextAreaElement).value = 'Comfortable from the first day, the leather is soft and the sole grips well.';
    const events = await capture(async () => {
      await settled();
      const form = $form('form.review-form');
      submit(form, form.querySelector<HTMLElement>('.btn-review-submit'));
      xhr('POST', form.getAttribute('action')!, new FormData(form));
    });
    expect(byType(events, 'review_submit')).toHaveLength(1);
    expect(productOf(events, 'review_submit')).toMatchObject({ id: 'SW10023' });
  });

  test('CMS newsletter form (FormCmsHandler: click prevented, XHR POST /form/newsletter, option=subscribe) is a newsletter_signup without the address', async () => {
    open(real.newsletterPage);
    $input('#form-email').value = 'jane.doe@example.com';
    ($('#form-privacy-opt-in') as HTMLInputElement).checked = true;
    const form = $form('.cms-element-form form');
    const events = await capture(() => {
      click(form.querySelector('.form-submit-wrapper button')!);
      xhr('POST', form.getAttribute('action')!, new FormData(form));
    });
    expect(byType(events, 'newsletter_signup')).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('jane.doe');
  });

  test('CMS newsletter form with option=unsubscribe is no newsletter_signup', async () => {
    open(real.newsletterPage);
    ($('#newsletterAction') as HTMLSelectElement).value = 'unsubscribe';
    $input('#form-email').value = 'jane.doe@example.com';
    const form = $form('.cms-element-form form');
    const events = await capture(() => {
      click(form.querySelector('.form-submit-wrapper button')!);
      xhr('POST', form.getAttribute('action')!, new FormData(form));
    });
    expect(byType(events, 'newsletter_signup')).toHaveLength(0);
  });

  test('account overview: ticking the newsletter checkbox (FormAutoSubmit useAjax: XHR POST /widgets/account/newsletter, option=subscribe) is a newsletter_signup', async () => {
    open(real.accountOverview);
    const form = $form('form[name="newsletterRegister"]');
    const events = await capture(() => {
      $input('#newsletterRegister').checked = true;
      xhr('POST', form.getAttribute('action')!, new FormData(form));
    });
    expect(byType(events, 'newsletter_signup')).toHaveLength(1);
  });

  test('account overview: unticking it (the XHR posts no option: unsubscribe) is no newsletter_signup', async () => {
    open(real.accountOverview);
    const form = $form('form[name="newsletterRegister"]');
    const events = await capture(() => {
      $input('#newsletterRegister').checked = false;
      xhr('POST', form.getAttribute('action')!, new FormData(form));
    });
    expect(byType(events, 'newsletter_signup')).toHaveLength(0);
  });
});

describe('Shopware 6: requests that look alike', () => {
  test("removing a promotion's line is no cart_remove; a newsletter posted with option=direct (double opt-in off) is a sign-up", async () => {
    loadPage('https://shopware.example/checkout/cart', `<!doctype html><html><head></head><body class="is-ctl-checkout is-act-cartpage">
<div class="line-item line-item-promotion"><form action="/checkout/line-item/delete/0b7a8c9d0e1f2a3b4c5d6e7f8a9b0c1d" method="post" data-product-id="0b7a8c9d0e1f2a3b4c5d6e7f8a9b0c1d"><button>Remove</button></form>
<span data-product-id="0b7a8c9d0e1f2a3b4c5d6e7f8a9b0c1d"></span></div></body></html>`);
    const events = await capture(async () => {
      await fetch('/checkout/line-item/delete/0b7a8c9d0e1f2a3b4c5d6e7f8a9b0c1d', { method: 'POST', body: new URLSearchParams({ redirectTo: 'frontend.checkout.cart.page' }) });
      await fetch('/widgets/account/newsletter', { method: 'POST', body: new URLSearchParams({ option: 'direct' }) });
    });
    expect(byType(events, 'cart_remove')).toHaveLength(0);
    expect(byType(events, 'newsletter_signup')).toHaveLength(1);
  });

  test('a headless WooCommerce DELETE of a cart item (an md5 key in the path) names no product', async () => {
    loadPage('https://woo.example/cart', '<!doctype html><html><head></head><body></body></html>');
    const events = await capture(async () => void (await fetch('/wp-json/wc/store/v1/cart/items/c0c7c76d30bd3dcaefc96f40275bdc0a', { method: 'DELETE' })));
    expect(byType(events, 'cart_remove')).toHaveLength(1);
    expect(productOf(events, 'cart_remove')?.id).toBeUndefined();
  });
});
