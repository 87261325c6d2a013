// The SDK against real OpenCart (3.0.x and 4.0.2.x default theme) and Salesforce Commerce Cloud SFRA
// (app_storefront_base) markup and requests, rendered from the platforms' own templates (see
// fixtures/realOpenCartSfra.ts for each source). Each test says what a shop analyst expects; a
// failing test documents where the SDK is wrong.
//
// The requests, as the platforms' own scripts make them (all jQuery $.ajax: an XMLHttpRequest
// with X-Requested-With, a urlencoded body, a relative URL resolved against `<base href>`):
// - OpenCart 3 (opencart/opencart-3, upload/catalog/view/javascript/common.js): `cart.add(id, qty)`
//   POSTs `product_id=…&quantity=…` to `index.php?route=checkout/cart/add`, `cart.remove(key)` POSTs
//   `key=…` to `checkout/cart/remove`, `wishlist.add(id)` POSTs `product_id=…` to
//   `account/wishlist/add`, `compare.add(id)` to `product/compare/add`. product/product.twig's inline
//   script posts `div#product`'s inputs to `checkout/cart/add` on `#button-cart`'s click (no form, no
//   submit) and `#form-review` to `product/product/write&product_id=…` on `#button-review`'s click;
//   checkout/checkout.twig's posts the steps to `checkout/shipping_method/save` and
//   `checkout/payment_method/save`.
// - OpenCart 4.0.2.x (opencart/opencart, upload/catalog/view/javascript/common.js): every
//   `form[data-oc-toggle=ajax]` is submitted by XHR to the clicked button's `formaction` (else the
//   form's action) with `$(form).serialize()`; routes use a dot: `checkout/cart.add`,
//   `checkout/cart.remove`, `account/wishlist.add`, `product/review.write`,
//   `checkout/shipping_method.save`, `checkout/payment_method.save`, `account/newsletter.save`.
// - SFRA (cartridges/app_storefront_base/cartridge/client/default/js/): product/base.js addToCart
//   POSTs `{pid, pidsObj, childProducts, quantity, options}` to `Cart-AddProduct`; cart/cart.js
//   GETs `Cart-RemoveProductLineItem?pid=…&uuid=…` and `Cart-UpdateQuantity?pid=…&quantity=…&uuid=…`;
//   components/footer.js prevents the sign-up click and POSTs `emailId` to `EmailSubscribe-Subscribe`;
//   checkout/checkout.js pushState()s `?stage=…#…` on load and at each stage.
import { describe, expect, test } from 'vitest';
import { oc3, oc4, sfra, sfraIds } from './fixtures/realOpenCartSfra.ts';
import { byType, capture, loadPage, pageEvents, submit } from './helpers.ts';
import { muteXhr, open, pageOf, xhr, click, settled, $, $input, $form, productOf } from './realPages.ts';

muteXhr();

/** jQuery's `$(form).serialize()`. */
const serialize = (form: HTMLFormElement) => new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString();

/** OpenCart 4's `form[data-oc-toggle=ajax]`: the submit (prevented by common.js), then the XHR to the button's formaction or the form's action. */
const ocAjaxSubmit = (form: HTMLFormElement, button: HTMLElement) => {
  submit(form, button);
  xhr(form.getAttribute('method') ?? 'post', (button.getAttribute('formaction') ?? form.getAttribute('action'))!, serialize(form));
};

/** checkout.js handleNextStage(): updateUrl() (a pushState of `?stage=…#…`), then the stage on `#checkout-main`. */
const nextStage = (stage: string) => {
  history.pushState(stage, document.title, location.pathname + '?stage=' + stage + '#' + stage);
  $('#checkout-main').setAttribute('data-checkout-stage', stage);
};

// ---------------------------------------------------------------------------------------
// OpenCart 3.0.x
// ---------------------------------------------------------------------------------------

describe('OpenCart 3: pages', () => {
  test('product page index.php?route=product/product&product_id=41 is a product_view of product 41', async () => {
    const event = await pageOf(oc3.product);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toMatchObject({ id: '41' });
  });

  test('product page with SEO URLs (/desktops/mac/imac: no route in the URL) is a product_view of product 41', async () => {
    const event = await pageOf(oc3.productSeo);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toMatchObject({ id: '41' });
  });

  test('category index.php?route=product/category&path=20 is a product_list_view named by the category (its <h2>, the last breadcrumb)', async () => {
    expect(await pageOf(oc3.category)).toMatchObject({ type: 'product_list_view', props: { list: 'Desktops' } });
  });

  test('search index.php?route=product/search&search=mac is a site_search', async () => {
    expect(await pageOf(oc3.search)).toMatchObject({ type: 'site_search', props: { query: 'mac' } });
  });

  test('cart index.php?route=checkout/cart is a cart_view', async () => {
    expect((await pageOf(oc3.cart)).type).toBe('cart_view');
  });

  test('checkout index.php?route=checkout/checkout is a checkout_start', async () => {
    expect((await pageOf(oc3.checkout)).type).toBe('checkout_start');
  });

  test('checkout/success is an order_complete; the page prints no order number or total, so none is made up', async () => {
    const event = await pageOf(oc3.success);
    expect(event.type).toBe('order_complete');
    expect(event.props?.order_id).toBeUndefined();
    expect(event.props?.revenue).toBeUndefined();
  });

  test('account/account is an account_view', async () => {
    expect((await pageOf(oc3.account)).type).toBe('account_view');
  });

  test('the other account pages are account pages: wish list account/wishlist an account_view, order history account/order an account_view (or order_tracking_view, as the SDK files PrestaShop\'s history)', async () => {
    expect(['account_view', 'order_tracking_view']).toContain((await pageOf(oc3.orderList)).type);
    expect((await pageOf(oc3.wishlist)).type).toBe('account_view');
  });

  test('order page account/order/info&order_id=7 is an order_tracking_view of order 7', async () => {
    expect(await pageOf(oc3.orderInfo)).toMatchObject({ type: 'order_tracking_view', props: { order_id: '7' } });
  });

  test('return form account/return/add&order_id=7 is a return_start of order 7', async () => {
    expect(await pageOf(oc3.returnForm)).toMatchObject({ type: 'return_start', props: { order_id: '7' } });
  });

  test('the list of past return requests (account/return) is an account page (return_start as the SDK files PrestaShop\'s order-follow, or account_view), with no order id taken from the table', async () => {
    const event = await pageOf(oc3.returnList);
    expect(['return_start', 'account_view']).toContain(event.type);
    expect(event.props?.order_id).toBeUndefined();
  });
});

describe('OpenCart 3: cart and wish list (common.js XHRs)', () => {
  test('product page: #button-cart (XHR POST checkout/cart/add with div#product inputs, qty 2) is one cart_add of product 41 × 2', async () => {
    open(oc3.product);
    $input('#input-quantity').value = '2';
    const events = await capture(() => {
      click($('#button-cart'));
      xhr('POST', 'index.php?route=checkout/cart/add', 'quantity=2&product_id=41');
    });
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ id: '41', quantity: 2 });
  });

  test('category: a card button cart.add(\'42\', \'2\') (XHR POST checkout/cart/add) is a cart_add of product 42 × 2', async () => {
    open(oc3.category);
    const events = await capture(() => {
      click(document.querySelectorAll('.product-layout .button-group button')[0]!);
      xhr('POST', 'index.php?route=checkout/cart/add', 'product_id=42&quantity=2');
    });
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ id: '42', quantity: 2 });
  });

  test('mini cart: the remove button cart.remove(\'7\') (XHR POST checkout/cart/remove, key=7) is one cart_remove', async () => {
    open(oc3.product);
    const events = await capture(() => {
      click($('#cart .btn-danger'));
      xhr('POST', 'index.php?route=checkout/cart/remove', 'key=7');
    });
    expect(byType(events, 'cart_add')).toHaveLength(0);
    expect(byType(events, 'cart_remove')).toHaveLength(1);
  });

  test('cart page: the update form (native POST checkout/cart/edit, quantity[7]=3) is neither a cart_add nor a cart_remove', async () => {
    open(oc3.cart);
    const form = $form('#content form');
    $input('[name="quantity[7]"]').value = '3';
    const events = await capture(() => submit(form, form.querySelector<HTMLElement>('button[type=submit]')));
    expect(byType(events, 'cart_add')).toHaveLength(0);
    expect(byType(events, 'cart_remove')).toHaveLength(0);
  });

  test('product page: the heart wishlist.add(\'41\') (XHR POST account/wishlist/add) is a wishlist_add of product 41, no cart_add', async () => {
    open(oc3.product);
    const events = await capture(() => {
      click($('.btn-group [title="Add to Wish List"]'));
      xhr('POST', 'index.php?route=account/wishlist/add', 'product_id=41');
    });
    expect(byType(events, 'wishlist_add')).toHaveLength(1);
    expect(productOf(events, 'wishlist_add')).toMatchObject({ id: '41' });
    expect(byType(events, 'cart_add')).toHaveLength(0);
  });

  test('product page: compare.add(\'41\') (XHR POST product/compare/add) is no cart or wish-list event', async () => {
    open(oc3.product);
    const events = await capture(() => {
      click($('.btn-group [title="Compare this Product"]'));
      xhr('POST', 'index.php?route=product/compare/add', 'product_id=41');
    });
    expect(events.filter((event) => /^(?:cart_add|cart_remove|wishlist_add)$/.test(event.type))).toHaveLength(0);
  });
});

describe('OpenCart 3: forms and checkout steps', () => {
  test('product page: the review (#button-review click, XHR POST product/product/write&product_id=41) is one review_submit, without the name or text', async () => {
    open(oc3.product);
    $input('#input-name').value = 'Jane Doe';
    ($('#input-review') as HTMLTextAreaElement).value = 'Fast, quiet and the screen is gorgeous. Setup took five minutes.';
    $input('#form-review [name=rating][value="5"]').checked = true;
    const events = await capture(async () => {
      await settled();
      click($('#button-review'));
      xhr('POST', 'index.php?route=product/product/write&product_id=41', serialize($form('#form-review')));
    });
    expect(byType(events, 'review_submit')).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('gorgeous');
    expect(JSON.stringify(events)).not.toContain('Jane');
  });

  test('account/newsletter: submitting Yes (native POST, newsletter=1) is a newsletter_signup', async () => {
    open(oc3.newsletter);
    const form = $form('#content form');
    const events = await capture(() => submit(form, form.querySelector<HTMLElement>('[type=submit]')));
    expect(byType(events, 'newsletter_signup')).toHaveLength(1);
  });

  test('account/newsletter: submitting No (newsletter=0, an unsubscription) is no newsletter_signup', async () => {
    open(oc3.newsletter);
    $input('[name=newsletter][value="0"]').checked = true;
    const form = $form('#content form');
    const events = await capture(() => submit(form, form.querySelector<HTMLElement>('[type=submit]')));
    expect(byType(events, 'newsletter_signup')).toHaveLength(0);
  });

  test('checkout: saving the delivery method (XHR POST checkout/shipping_method/save) and the payment method (checkout/payment_method/save) are checkout_step shipping and payment', async () => {
    open(oc3.checkout);
    const events = await capture(() => {
      click($('#button-shipping-method'));
      xhr('POST', 'index.php?route=checkout/shipping_method/save', 'shipping_method=flat.flat&comment=');
      click($('#button-payment-method'));
      xhr('POST', 'index.php?route=checkout/payment_method/save', 'payment_method=cod&comment=&agree=1');
    });
    expect(byType(events, 'checkout_start')).toHaveLength(1);
    expect(byType(events, 'checkout_step').map((event) => event.props?.step)).toEqual(['shipping', 'payment']);
  });
});

// ---------------------------------------------------------------------------------------
// OpenCart 4.0.2.x
// ---------------------------------------------------------------------------------------

describe('OpenCart 4: pages', () => {
  test('product page index.php?route=product/product&language=en-gb&product_id=43 is a product_view of product 43', async () => {
    const event = await pageOf(oc4.product);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toMatchObject({ id: '43' });
  });

  test('product page with SEO URLs (/en-gb/product/macbook) is a product_view of product 43', async () => {
    const event = await pageOf(oc4.productSeo);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toMatchObject({ id: '43' });
  });

  test('category index.php?route=product/category&language=en-gb&path=20 is a product_list_view named Desktops', async () => {
    expect(await pageOf(oc4.category)).toMatchObject({ type: 'product_list_view', props: { list: 'Desktops' } });
  });

  test('search index.php?route=product/search&language=en-gb&search=macbook is a site_search', async () => {
    expect(await pageOf(oc4.search)).toMatchObject({ type: 'site_search', props: { query: 'macbook' } });
  });

  test('cart index.php?route=checkout/cart&language=en-gb is a cart_view', async () => {
    expect((await pageOf(oc4.cart)).type).toBe('cart_view');
  });

  test('checkout index.php?route=checkout/checkout&language=en-gb is a checkout_start', async () => {
    expect((await pageOf(oc4.checkout)).type).toBe('checkout_start');
  });

  test('checkout/success is an order_complete without a made-up order number', async () => {
    const event = await pageOf(oc4.success);
    expect(event.type).toBe('order_complete');
    expect(event.props?.order_id).toBeUndefined();
  });

  test('account/account is an account_view, its customer_token not sent', async () => {
    const event = await pageOf(oc4.account);
    expect(event.type).toBe('account_view');
    expect(event.url).not.toContain('b7f0c2e94d1a6e3c5f8a9d2b4c');
  });

  test('order history account/order is an account_view (or order_tracking_view, as the SDK files PrestaShop\'s history)', async () => {
    expect(['account_view', 'order_tracking_view']).toContain((await pageOf(oc4.orderList)).type);
  });

  test('order page account/order.info&order_id=7 is an order_tracking_view of order 7, its customer_token not sent', async () => {
    const event = await pageOf(oc4.orderInfo);
    expect(event).toMatchObject({ type: 'order_tracking_view', props: { order_id: '7' } });
    expect(event.url).not.toContain('b7f0c2e94d1a6e3c5f8a9d2b4c');
  });

  test('return form account/returns.add&order_id=7 is a return_start of order 7', async () => {
    expect(await pageOf(oc4.returnForm)).toMatchObject({ type: 'return_start', props: { order_id: '7' } });
  });
});

describe('OpenCart 4: cart and wish list (data-oc-toggle=ajax forms, XHRs)', () => {
  test('product page: #form-product (submit + XHR POST checkout/cart.add, quantity=3&product_id=43) is one cart_add of product 43 × 3', async () => {
    open(oc4.product);
    $input('#input-quantity').value = '3';
    const form = $form('#form-product');
    const events = await capture(() => {
      submit(form, $('#button-cart'));
      xhr('POST', 'index.php?route=checkout/cart.add&language=en-gb', serialize(form));
    });
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ id: '43', quantity: 3 });
  });

  test('category: a card\'s cart button (formaction checkout/cart.add, product_id=42&quantity=2) is one cart_add of product 42 × 2', async () => {
    open(oc4.category);
    const form = document.querySelectorAll<HTMLFormElement>('#product-list .product-thumb form')[0]!;
    const events = await capture(() => ocAjaxSubmit(form, form.querySelector('[title="Add to Cart"]')!));
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ id: '42', quantity: 2 });
  });

  test('category: a card\'s heart (formaction account/wishlist.add) is one wishlist_add of product 47, no cart_add', async () => {
    open(oc4.category);
    const form = document.querySelectorAll<HTMLFormElement>('#product-list .product-thumb form')[1]!;
    const events = await capture(() => ocAjaxSubmit(form, form.querySelector('[title="Add to Wish List"]')!));
    expect(byType(events, 'wishlist_add')).toHaveLength(1);
    expect(productOf(events, 'wishlist_add')).toMatchObject({ id: '47' });
    expect(byType(events, 'cart_add')).toHaveLength(0);
  });

  test('category: a card\'s compare button (formaction product/compare.add) is no cart or wish-list event', async () => {
    open(oc4.category);
    const form = document.querySelectorAll<HTMLFormElement>('#product-list .product-thumb form')[1]!;
    const events = await capture(() => ocAjaxSubmit(form, form.querySelector('[title="Compare this Product"]')!));
    expect(events.filter((event) => /^(?:cart_add|cart_remove|wishlist_add)$/.test(event.type))).toHaveLength(0);
  });

  test('mini cart: the remove form (action checkout/cart.remove, key=9) is one cart_remove', async () => {
    open(oc4.product);
    const form = $form('#header-cart form');
    const events = await capture(() => ocAjaxSubmit(form, form.querySelector('button')!));
    expect(byType(events, 'cart_add')).toHaveLength(0);
    expect(byType(events, 'cart_remove')).toHaveLength(1);
  });

  test('cart page: the line\'s remove button (formaction checkout/cart.remove) is one cart_remove; its update button (checkout/cart.edit) none', async () => {
    open(oc4.cart);
    const form = $form('#shopping-cart form');
    const updated = await capture(() => ocAjaxSubmit(form, form.querySelector('[title="Update"]')!));
    expect(updated.filter((event) => /^cart_(?:add|remove)$/.test(event.type))).toHaveLength(0);
    open(oc4.cart);
    const removeForm = $form('#shopping-cart form');
    const removed = await capture(() => ocAjaxSubmit(removeForm, removeForm.querySelector('[title="Remove"]')!));
    expect(byType(removed, 'cart_remove')).toHaveLength(1);
  });
});

describe('OpenCart 4: forms and checkout steps', () => {
  test('product page: the review form #form-review (submit + XHR POST product/review.write) is one review_submit, without the name or text', async () => {
    open(oc4.product);
    $input('#input-name').value = 'Jane Doe';
    ($('#input-text') as HTMLTextAreaElement).value = 'Light, fast and the battery lasts all day long.';
    $input('#input-rating [value="4"]').checked = true;
    const events = await capture(async () => {
      await settled();
      const form = $form('#form-review');
      submit(form, $('#button-review'));
      xhr('POST', 'index.php?route=product/review.write&language=en-gb&review_token=0c1d2e3f4a5b6c7d8e9f&product_id=43', serialize(form));
    });
    expect(byType(events, 'review_submit')).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('battery');
  });

  test('account/newsletter: saving with the switch on (newsletter=0 then 1) is a newsletter_signup', async () => {
    open(oc4.newsletter);
    const form = $form('#form-newsletter');
    const events = await capture(() => ocAjaxSubmit(form, form.querySelector('[type=submit]')!));
    expect(byType(events, 'newsletter_signup')).toHaveLength(1);
  });

  test('account/newsletter: saving with the switch off (newsletter=0, an unsubscription) is no newsletter_signup', async () => {
    open(oc4.newsletter);
    $input('#input-newsletter').checked = false;
    const form = $form('#form-newsletter');
    const events = await capture(() => ocAjaxSubmit(form, form.querySelector('[type=submit]')!));
    expect(byType(events, 'newsletter_signup')).toHaveLength(0);
  });

  test('checkout: #form-shipping-method and #form-payment-method (XHR POST checkout/shipping_method.save, payment_method.save) are checkout_step shipping and payment', async () => {
    open(oc4.checkout);
    const events = await capture(() => {
      const shipping = $form('#form-shipping-method');
      submit(shipping, $('#button-shipping-method'));
      xhr('POST', 'index.php?route=checkout/shipping_method.save&language=en-gb', serialize(shipping));
      const payment = $form('#form-payment-method');
      submit(payment, $('#button-payment-method'));
      xhr('POST', 'index.php?route=checkout/payment_method.save&language=en-gb', serialize(payment));
    });
    expect(byType(events, 'checkout_step').map((event) => event.props?.step)).toEqual(['shipping', 'payment']);
  });
});

// ---------------------------------------------------------------------------------------
// Salesforce Commerce Cloud SFRA
// ---------------------------------------------------------------------------------------

const TIE = { id: sfraIds.tie, name: 'Solid Silk Tie', price: 29.99, currency: 'USD', brand: 'Commerce Cloud' };

describe('SFRA: pages', () => {
  test('product page Product-Show?pid=…: JSON-LD Product (sku, name, Offer price/priceCurrency, brand Thing) → product_view', async () => {
    const event = await pageOf(sfra.product);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toMatchObject(TIE);
  });

  test('product page, SEO URL /s/RefArch/solid-silk-tie/{pid}.html → product_view', async () => {
    const event = await pageOf(sfra.productSeo);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toMatchObject(TIE);
  });

  test('category Search-Show?cgid=mens-accessories-ties (ItemList of URLs, <h1> Ties, data-action=Search-Show) is a product_list_view named Ties', async () => {
    expect(await pageOf(sfra.category)).toMatchObject({ type: 'product_list_view', props: { list: 'Ties' } });
  });

  test('category, SEO URL /s/RefArch/mens/accessories/ties/ is a product_list_view named Ties', async () => {
    expect(await pageOf(sfra.categorySeo)).toMatchObject({ type: 'product_list_view', props: { list: 'Ties' } });
  });

  test('search Search-Show?q=tie is a site_search', async () => {
    expect(await pageOf(sfra.search)).toMatchObject({ type: 'site_search', props: { query: 'tie' } });
  });

  test('cart Cart-Show (data-action=Cart-Show) is a cart_view', async () => {
    expect((await pageOf(sfra.cart)).type).toBe('cart_view');
  });

  test('checkout Checkout-Begin (stage shipping) is a checkout_start', async () => {
    open(sfra.checkout);
    const events = await capture(() => {
      // checkout.js initialize(): updateUrl(currentStage).
      history.pushState('shipping', document.title, location.pathname + '?stage=shipping#shipping');
    });
    expect(pageEvents(events).map((event) => event.type)).toEqual(['checkout_start']);
  });

  test('checkout, SEO URL /s/RefArch/checkout: the stage checkout.js pushes on load (?stage=shipping#shipping) is the same checkout_start, not a second one', async () => {
    open(sfra.checkoutSeo);
    const events = await capture(() => {
      history.pushState('shipping', document.title, location.pathname + '?stage=shipping#shipping');
    });
    expect(pageEvents(events).map((event) => event.type)).toEqual(['checkout_start']);
  });

  test('checkout, SEO URL: moving on to ?stage=payment#payment is a checkout_step payment', async () => {
    loadPage(`${sfra.checkoutSeo.url}?stage=shipping#shipping`, sfra.checkoutSeo.html);
    const events = await capture(async () => {
      await settled(); // the shopper fills in the shipping form
      nextStage('payment');
    });
    expect(pageEvents(events).map((event) => event.type)).toEqual(['checkout_start', 'checkout_step']);
    expect(byType(events, 'checkout_step')[0]?.props).toMatchObject({ step: 'payment' });
  });

  test('checkout, SEO URL: the last stage ?stage=placeOrder#placeOrder (review and place order) is a checkout_step, not a second checkout_start', async () => {
    loadPage(`${sfra.checkoutSeo.url}?stage=payment#payment`, sfra.checkoutSeo.html.replace('data-checkout-stage="shipping"', 'data-checkout-stage="payment"'));
    const events = await capture(async () => {
      await settled(); // the shopper fills in the payment form
      nextStage('placeOrder');
    });
    expect(pageEvents(events).map((event) => event.type)).toEqual(['checkout_step', 'checkout_step']);
  });

  test('checkout Checkout-Begin: moving on to ?stage=payment#payment is a checkout_step payment', async () => {
    loadPage(`${sfra.checkout.url}?stage=shipping#shipping`, sfra.checkout.html);
    const events = await capture(async () => {
      await settled(); // the shopper fills in the shipping form
      nextStage('payment');
    });
    expect(byType(events, 'checkout_step')[0]?.props).toMatchObject({ step: 'payment' });
  });

  test('confirmation Order-Confirm?ID=00000801&token=…: order_complete with the printed order number and grand total, the token not sent', async () => {
    const event = await pageOf(sfra.confirmation);
    expect(event.type).toBe('order_complete');
    expect(event.props).toMatchObject({ order_id: sfraIds.order, revenue: 71.37 });
    expect(event.url).not.toContain('Wq3e5xJ9vB2nL7kP1sD4fG6hT8yU0iO');
  });

  test('account Account-Show is an account_view', async () => {
    expect((await pageOf(sfra.account)).type).toBe('account_view');
  });

  test('account, SEO URL /s/RefArch/account is an account_view', async () => {
    expect((await pageOf(sfra.accountSeo)).type).toBe('account_view');
  });

  test('order history Order-History is an account_view (or order_tracking_view, as the SDK files PrestaShop\'s history)', async () => {
    expect(['account_view', 'order_tracking_view']).toContain((await pageOf(sfra.orderHistory)).type);
  });

  test('order details Order-Details?orderID=00000801 is an order_tracking_view of that order', async () => {
    expect(await pageOf(sfra.orderDetails)).toMatchObject({ type: 'order_tracking_view', props: { order_id: sfraIds.order } });
  });

  test('guest order check: the Order-Track answer (POST, no order number in the URL) is an order_tracking_view with the printed order number', async () => {
    expect(await pageOf(sfra.orderTrack)).toMatchObject({ type: 'order_tracking_view', props: { order_id: sfraIds.order } });
  });

  test('home page Home-Show is a page_view', async () => {
    expect((await pageOf(sfra.home)).type).toBe('page_view');
  });
});

describe('SFRA: cart interactions (jQuery XHRs to controllers)', () => {
  test('product page: button.add-to-cart (XHR POST Cart-AddProduct, pid=…&quantity=2) is one cart_add of the tie × 2 with its name and price', async () => {
    open(sfra.product);
    const events = await capture(() => {
      click($('button.add-to-cart'));
      xhr('POST', '/on/demandware.store/Sites-RefArch-Site/en_US/Cart-AddProduct', `pid=${sfraIds.tie}&pidsObj=&quantity=2&options=%5B%5D`);
    });
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ ...TIE, quantity: 2 });
  });

  test('category: adding from a quick view (XHR POST Cart-AddProduct, pid of the belt) names the belt, not another product', async () => {
    open(sfra.category);
    const events = await capture(() => {
      xhr('POST', '/on/demandware.store/Sites-RefArch-Site/en_US/Cart-AddProduct', `pid=${sfraIds.belt}&pidsObj=&quantity=1&options=%5B%5D`);
    });
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ id: sfraIds.belt, quantity: 1 });
  });

  test('cart: remove, confirmed in the modal (XHR GET Cart-RemoveProductLineItem?pid=…&uuid=…) is one cart_remove of the tie', async () => {
    open(sfra.cart);
    const events = await capture(() => {
      click($('.hidden-md-down .remove-product'));
      click($('.cart-delete-confirmation-btn'));
      xhr('GET', `/on/demandware.store/Sites-RefArch-Site/en_US/Cart-RemoveProductLineItem?pid=${sfraIds.tie}&uuid=${sfraIds.lineItem}`);
    });
    expect(byType(events, 'cart_remove')).toHaveLength(1);
    expect(productOf(events, 'cart_remove')).toMatchObject({ id: sfraIds.tie });
  });

  test('cart: changing the quantity (XHR GET Cart-UpdateQuantity?pid=…&quantity=3&uuid=…) is neither a cart_add nor a cart_remove', async () => {
    open(sfra.cart);
    const events = await capture(() => {
      xhr('GET', `/on/demandware.store/Sites-RefArch-Site/en_US/Cart-UpdateQuantity?pid=${sfraIds.tie}&quantity=3&uuid=${sfraIds.lineItem}`);
    });
    expect(events.filter((event) => /^cart_(?:add|remove)$/.test(event.type))).toHaveLength(0);
  });

  test('header: the mini cart link (Cart-Show) and the mini cart\'s refresh (GET Cart-MiniCartShow) are no cart actions', async () => {
    open(sfra.product);
    const events = await capture(() => {
      click($('a.minicart-link'));
      xhr('GET', '/on/demandware.store/Sites-RefArch-Site/en_US/Cart-MiniCartShow');
    });
    expect(events.filter((event) => /^cart_(?:add|remove)$/.test(event.type))).toHaveLength(0);
  });
});

describe('SFRA: forms', () => {
  test('home: the e-mail sign-up (click prevented, XHR POST EmailSubscribe-Subscribe emailId=…) is one newsletter_signup without the address', async () => {
    open(sfra.home);
    $input('[name=hpEmailSignUp]').value = 'jane.doe@example.com';
    const events = await capture(() => {
      click($('button.subscribe-email'));
      xhr('POST', '/on/demandware.store/Sites-RefArch-Site/en_US/EmailSubscribe-Subscribe', 'emailId=jane.doe%40example.com');
    });
    expect(byType(events, 'newsletter_signup')).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('jane.doe');
  });

  test('header search form (GET Search-Show, q) submitted is no newsletter or cart event', async () => {
    open(sfra.product);
    $input('.site-search [name=q]').value = 'tie';
    const form = $form('form[name=simpleSearch]');
    const events = await capture(() => submit(form, form.querySelector<HTMLElement>('[name=search-button]')));
    expect(events.filter((event) => /^(?:cart_add|cart_remove|newsletter_signup|review_submit)$/.test(event.type))).toHaveLength(0);
  });
});

describe('look-alike requests on other platforms', () => {
  test('removing a coupon (WooCommerce Store API, SFRA) or an add-on endpoint is no cart event', async () => {
    loadPage('https://shop.example/about', '<!doctype html><html><head></head><body></body></html>');
    const events = await capture(async () => {
      await fetch('/wp-json/wc/store/v1/cart/remove-coupon', { method: 'POST', body: JSON.stringify({ code: '10off' }) });
      await fetch('/on/demandware.store/Sites-RefArch-Site/en_US/Cart-RemoveCouponLineItem?code=10off&uuid=abc', { method: 'GET' });
      await fetch('/apps/upsell/cart-addons', { method: 'POST', body: '{}' });
    });
    expect(events.filter((event) => /^cart_/.test(event.type))).toEqual([]);
  });

  test('a search that an SPA pushes as the page loads is still a site_search', async () => {
    loadPage('https://shop.example/search', '<!doctype html><html><head></head><body></body></html>');
    const events = await capture(() => history.pushState({}, '', '/search?q=shoes'));
    expect(pageEvents(events).map((event) => event.type)).toEqual(['page_view', 'site_search']);
  });
});
