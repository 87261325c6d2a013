// The SDK against real WooCommerce and BigCommerce (Cornerstone) markup and requests, rendered from the
// platforms' own templates and scripts (see fixtures/realWooBigCommerce.ts for each source). Each test
// says what a shop analyst expects; a failing test documents where the SDK is wrong.
import { describe, expect, test } from 'vitest';
import * as real from './fixtures/realWooBigCommerce.ts';
import { byType, capture, submit } from './helpers.ts';
import { muteXhr, open, pageOf, xhr, click, settled, $, $input, $form, productOf } from './realPages.ts';

muteXhr();

describe('WooCommerce: pages', () => {
  test('simple product on sale: WC JSON-LD with prices only in offers[0].priceSpecification[] (sale first), brand', async () => {
    const event = await pageOf(real.wooSimpleProduct);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toMatchObject({ id: 'woo-hoodie-with-logo', name: 'Hoodie with Logo', price: 42, currency: 'EUR', brand: 'Woo' });
  });

  test('variable product: a product_view of the product group (AggregateOffer)', async () => {
    const event = await pageOf(real.wooVariableProduct);
    expect(event).toMatchObject({ type: 'product_view', props: { product: { id: 'woo-hoodie', name: 'Hoodie', currency: 'EUR', brand: 'Woo' } } });
  });

  test('category: body class tax-product_cat, named by its h1', async () => {
    expect(await pageOf(real.wooCategory)).toMatchObject({ type: 'product_list_view', props: { list: 'Hoodies' } });
  });

  test('category of a block theme (Product Collection block)', async () => {
    expect(await pageOf(real.wooBlockCategory)).toMatchObject({ type: 'product_list_view', props: { list: 'Hoodies' } });
  });

  test('brand archive (WooCommerce Brands, core since 9.6: body class tax-product_brand, /brand/…) is a product_list_view', async () => {
    expect(await pageOf(real.wooBrand)).toMatchObject({ type: 'product_list_view', props: { list: 'Woo' } });
  });

  test('product search ?s=…&post_type=product is a site_search, not a product_list_view', async () => {
    expect(await pageOf(real.wooSearch)).toMatchObject({ type: 'site_search', props: { query: 'hoodie' } });
  });

  test('classic cart, block cart and block checkout pages', async () => {
    expect((await pageOf(real.wooCart)).type).toBe('cart_view');
    expect((await pageOf(real.wooBlockCart)).type).toBe('cart_view');
    expect((await pageOf(real.wooBlockCheckout)).type).toBe('checkout_start');
  });

  test('order received (classic thankyou.php): the order number, the key scrubbed from the URL', async () => {
    const event = await pageOf(real.wooThankYou);
    expect(event).toMatchObject({ type: 'order_complete', props: { order_id: '1234' } });
    expect(event.url).toBe('https://woo.example/checkout/order-received/1234/?key=redacted');
  });

  test('order received (classic thankyou.php): the printed total is the revenue', async () => {
    // thankyou.php prints `Total: <strong>…€89.00</strong>` (get_formatted_order_total); the currency is only
    // a symbol there, so only the amount is asserted.
    const event = await pageOf(real.wooThankYou);
    expect(event.props).toMatchObject({ order_id: '1234', revenue: 89 });
  });

  test('order received (block Order Confirmation, default since 8.3): order number and printed total', async () => {
    const event = await pageOf(real.wooBlockConfirmation);
    expect(event).toMatchObject({ type: 'order_complete', props: { order_id: '1234' } });
    expect(event.props).toMatchObject({ revenue: 89 });
  });

  test('order received with plain permalinks (?page_id=8&order-received=1234): the order id', async () => {
    const event = await pageOf(real.wooBlockConfirmationPlainPermalinks);
    expect(event).toMatchObject({ type: 'order_complete', props: { order_id: '1234' } });
  });

  test('my account and view-order', async () => {
    expect((await pageOf(real.wooAccount)).type).toBe('account_view');
    expect(await pageOf(real.wooViewOrder)).toMatchObject({ type: 'order_tracking_view', props: { order_id: '1234' } });
  });

  test('order tracking page ([woocommerce_order_tracking] result): the order number it shows', async () => {
    expect(await pageOf(real.wooOrderTracking)).toMatchObject({ type: 'order_tracking_view', props: { order_id: '1234' } });
  });
});

describe('WooCommerce: cart interactions', () => {
  test('simple product: the real form post (button name="add-to-cart"), quantity 2', async () => {
    open(real.wooSimpleProduct);
    $input('form.cart input.qty').value = '2';
    const events = await capture(() => submit($form('form.cart'), $('form.cart button[name="add-to-cart"]')));
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ id: 'woo-hoodie-with-logo', name: 'Hoodie with Logo', price: 42, currency: 'EUR', quantity: 2 });
  });

  test('simple product with ajax add to cart on product pages (single-add-to-cart.js: no submit, fetch ?wc-ajax=add_to_cart)', async () => {
    open(real.wooSimpleProduct);
    $input('form.cart input.qty').value = '2';
    const events = await capture(async () => {
      click($('.single_add_to_cart_button'));
      await fetch('https://woo.example/?wc-ajax=add_to_cart', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams([['quantity', '2'], ['product_id', '70']]),
      });
    });
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ id: 'woo-hoodie-with-logo', name: 'Hoodie with Logo', price: 42, currency: 'EUR', quantity: 2 });
  });

  test('related product added on a product page is that product, not the page product', async () => {
    open(real.wooSimpleProduct);
    const events = await capture(() => {
      click($('a.ajax_add_to_cart[data-product_id="60"]'));
      xhr('POST', 'https://woo.example/?wc-ajax=add_to_cart', 'quantity=1&product_id=60&product_sku=woo-beanie&success_message=%E2%80%9CBeanie%E2%80%9D+has+been+added+to+your+cart');
    });
    expect(productOf(events, 'cart_add')).toEqual({ id: 'woo-beanie', quantity: 1 });
  });

  test('variable product: the chosen variation (variation_id 73, display_price 45), not the lowest price of the group', async () => {
    open(real.wooVariableProduct);
    const events = await capture(() => submit($form('form.variations_form'), $('.single_add_to_cart_button')));
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ name: 'Hoodie', price: 45, currency: 'EUR', quantity: 1 });
  });

  test('category: ajax add to cart (add-to-cart.js posts the button data to ?wc-ajax=add_to_cart)', async () => {
    open(real.wooCategory);
    const events = await capture(() => {
      click($('a.ajax_add_to_cart'));
      xhr('POST', 'https://woo.example/?wc-ajax=add_to_cart', 'quantity=1&product_id=70&product_sku=woo-hoodie-with-logo&success_message=%E2%80%9CHoodie+with+Logo%E2%80%9D+has+been+added+to+your+cart');
    });
    expect(productOf(events, 'cart_add')).toEqual({ id: 'woo-hoodie-with-logo', quantity: 1 });
  });

  test('block theme: Product Button adds through the Store API batch endpoint (/wp-json/wc/store/v1/batch)', async () => {
    open(real.wooBlockCategory);
    const events = await capture(async () => {
      click($('button.wc-block-components-product-button__button'));
      await fetch('https://woo.example/wp-json/wc/store/v1/batch', {
        method: 'POST',
        cache: 'no-store',
        headers: { 'Content-Type': 'application/json', Nonce: 'a1b2c3d4e5' },
        body: JSON.stringify({
          requests: [{ path: '/wc/store/v1/cart/add-item', method: 'POST', headers: { Nonce: 'a1b2c3d4e5', 'Content-Type': 'application/json' }, body: { id: 70, quantity: 1 } }],
        }),
      });
    });
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(['70', 'woo-hoodie-with-logo']).toContain(productOf(events, 'cart_add')?.id);
    expect(productOf(events, 'cart_add')).toMatchObject({ quantity: 1 });
  });

  test('Store API called directly (/wp-json/wc/store/v1/cart/add-item, remove-item)', async () => {
    open(real.wooBlockCart);
    const events = await capture(async () => {
      await fetch('https://woo.example/wp-json/wc/store/v1/cart/add-item', { method: 'POST', headers: { 'Content-Type': 'application/json', Nonce: 'a1b2c3d4e5' }, body: JSON.stringify({ id: 70, quantity: 2 }) });
      await new Promise((resolve) => setTimeout(resolve, 1600));
      await fetch('https://woo.example/wp-json/wc/store/v1/cart/remove-item', { method: 'POST', headers: { 'Content-Type': 'application/json', Nonce: 'a1b2c3d4e5' }, body: JSON.stringify({ key: 'c0c7c76d30bd3dcaefc96f40275bdc0a' }) });
    });
    expect(productOf(events, 'cart_add')).toEqual({ id: '70', quantity: 2 });
    expect(byType(events, 'cart_remove')).toHaveLength(1);
  });

  test('block Cart: removing a line goes through the batch endpoint (apiFetch batching) and is a cart_remove', async () => {
    open(real.wooBlockCart);
    const events = await capture(async () => {
      await fetch('https://woo.example/wp-json/wc/store/v1/batch?_locale=user', {
        method: 'POST',
        headers: { Accept: 'application/json, */*;q=0.1', 'Content-Type': 'application/json', 'X-WP-Nonce': 'f1e2d3c4b5', Nonce: 'a1b2c3d4e5' },
        body: JSON.stringify({
          requests: [{ path: '/wc/store/v1/cart/remove-item', method: 'POST', data: { key: 'c0c7c76d30bd3dcaefc96f40275bdc0a' }, cache: 'no-store', body: { key: 'c0c7c76d30bd3dcaefc96f40275bdc0a' } }],
        }),
      });
    });
    expect(byType(events, 'cart_remove')).toHaveLength(1);
  });

  test('classic cart page: the row’s remove link (cart.js: ajax GET /cart/?remove_item=…) is a cart_remove of that product', async () => {
    open(real.wooCart);
    const link = document.querySelector('.woocommerce-cart-form .product-remove > a.remove') as HTMLAnchorElement;
    const events = await capture(() => {
      click(link);
      xhr('GET', link.href);
    });
    expect(byType(events, 'cart_remove')).toHaveLength(1);
    expect(productOf(events, 'cart_remove')).toMatchObject({ id: 'woo-hoodie-with-logo' });
  });

  test('mini cart: remove (?wc-ajax=remove_from_cart with cart_item_key) names the product of the clicked link', async () => {
    open(real.wooCategory);
    const events = await capture(() => {
      click($('a.remove_from_cart_button'));
      xhr('POST', 'https://woo.example/?wc-ajax=remove_from_cart', 'cart_item_key=c0c7c76d30bd3dcaefc96f40275bdc0a');
    });
    expect(byType(events, 'cart_remove')).toHaveLength(1);
    expect(productOf(events, 'cart_remove')).toMatchObject({ id: 'woo-hoodie-with-logo' });
  });
});

describe('BigCommerce Cornerstone: pages', () => {
  test('product page: schema.html JSON-LD', async () => {
    expect(await pageOf(real.bcProduct)).toMatchObject({
      type: 'product_view',
      props: { product: { id: 'OTL', name: '[Sample] Orbit Terrarium - Large', price: 109, currency: 'USD', brand: 'OFS' } },
    });
  });

  test('category page with data tags: product_list_view named by h1.page-heading', async () => {
    expect(await pageOf(real.bcCategory)).toMatchObject({ type: 'product_list_view', props: { list: 'Garden' } });
  });

  test('category page with data tags: its products, from the cards’ data tags', async () => {
    const event = await pageOf(real.bcCategory);
    expect(event.props?.products).toEqual([expect.objectContaining({ name: '[Sample] Orbit Terrarium - Large', price: 109 })]);
  });

  test('category page without data tags (store not on GA Enhanced Ecommerce) is still a product_list_view', async () => {
    expect(await pageOf(real.bcCategoryNoDataTags)).toMatchObject({ type: 'product_list_view', props: { list: 'Garden' } });
  });

  test('home page with a "New Products" carousel (cards with data-event-type="list") is a page_view', async () => {
    expect((await pageOf(real.bcHome)).type).toBe('page_view');
  });

  test('search page', async () => {
    expect(await pageOf(real.bcSearch)).toMatchObject({ type: 'site_search', props: { query: 'terrarium' } });
  });

  test('cart, checkout, account', async () => {
    expect((await pageOf(real.bcCart)).type).toBe('cart_view');
    expect((await pageOf(real.bcCheckout)).type).toBe('checkout_start');
    expect((await pageOf(real.bcAccount)).type).toBe('account_view');
  });

  test('order confirmation (checkout-js): the order number', async () => {
    expect(await pageOf(real.bcOrderConfirmation)).toMatchObject({ type: 'order_complete', props: { order_id: '142' } });
  });

  test('order confirmation (checkout-js): revenue and currency of the "Total (USD)" line', async () => {
    const event = await pageOf(real.bcOrderConfirmation);
    expect(event.props).toMatchObject({ order_id: '142', revenue: 118.81, currency: 'USD' });
  });

  test('order details and new return in the account', async () => {
    expect(await pageOf(real.bcOrderDetails)).toMatchObject({ type: 'order_tracking_view', props: { order_id: '142' } });
    expect(await pageOf(real.bcNewReturn)).toMatchObject({ type: 'return_start', props: { order_id: '142' } });
  });
});

describe('BigCommerce Cornerstone: interactions', () => {
  test('product page: form[data-cart-item-add] submit + POST /remote/v1/cart/add (stencil-utils, FormData), quantity 2', async () => {
    open(real.bcProduct);
    const form = $form('form[data-cart-item-add]');
    $input('input[name="qty[]"]').value = '2';
    const events = await capture(async () => {
      submit(form, $('#form-action-addToCart'));
      await fetch('/remote/v1/cart/add', { method: 'POST', credentials: 'include', headers: { 'x-requested-with': 'stencil-utils', 'stencil-options': '{}' }, body: new FormData(form) });
    });
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ id: 'OTL', name: '[Sample] Orbit Terrarium - Large', price: 109, currency: 'USD', brand: 'OFS', quantity: 2 });
  });

  test('category: quick view form + /remote/v1/cart/add', async () => {
    open(real.bcCategory);
    const form = $form('.quickView form[data-cart-item-add]');
    const events = await capture(async () => {
      submit(form, form.querySelector<HTMLElement>('#form-action-addToCart'));
      await fetch('/remote/v1/cart/add', { method: 'POST', credentials: 'include', headers: { 'x-requested-with': 'stencil-utils' }, body: new FormData(form) });
    });
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ id: '107', quantity: 1 });
  });

  test('category: the card’s "Add to Cart" link (cart.php?action=add&product_id=107, a navigation) is a cart_add', async () => {
    open(real.bcCategory);
    const events = await capture(() => click($('.productGrid a[data-button-type="add-cart"]')));
    expect(byType(events, 'cart_add')).toHaveLength(1);
    expect(productOf(events, 'cart_add')).toMatchObject({ id: '107' });
  });

  test('Storefront API: POST /api/storefront/carts/{id}/items is a cart_add', async () => {
    open(real.bcCart);
    const events = await capture(async () => {
      await fetch('/api/storefront/carts/8d3a2c1e-5b6f-4a7d-9e8f-0a1b2c3d4e5f/items', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ lineItems: [{ quantity: 1, productId: 107 }] }),
      });
    });
    expect(productOf(events, 'cart_add')).toEqual({ id: '107', quantity: 1 });
  });

  test('cart page: the remove button (stencil-utils itemRemove → POST /remote/v1/cart/update, items[0][quantity]=0) is a cart_remove', async () => {
    open(real.bcCart);
    const events = await capture(async () => {
      click($('button.cart-remove'));
      await fetch('/remote/v1/cart/update', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', 'x-requested-with': 'stencil-utils', 'stencil-options': '{}' },
        body: 'items%5B0%5D%5Bid%5D=6f1a8b5c-2d4e-4f7a-9c3b-1e2d3f4a5b6c&items%5B0%5D%5Bquantity%5D=0',
      });
    });
    expect(byType(events, 'cart_remove')).toHaveLength(1);
    // The post names the cart line (a UUID), not the product: left out, never guessed.
    expect(productOf(events, 'cart_remove')?.id).toBeUndefined();
  });

  test('Storefront API: DELETE /api/storefront/carts/{id}/items/{itemId} is a cart_remove', async () => {
    open(real.bcCart);
    const events = await capture(async () => {
      await fetch('/api/storefront/carts/8d3a2c1e-5b6f-4a7d-9e8f-0a1b2c3d4e5f/items/6f1a8b5c-2d4e-4f7a-9c3b-1e2d3f4a5b6c', { method: 'DELETE', credentials: 'include', headers: { 'Content-Type': 'application/json' } });
    });
    expect(byType(events, 'cart_remove')).toHaveLength(1);
  });

  test('product page: "Add to Wish List" (form[data-wishlist-add] POST to /wishlist.php?action=add) is a wishlist_add of the page product', async () => {
    open(real.bcProduct);
    const form = $form('form[data-wishlist-add]');
    const events = await capture(async () => {
      await settled();
      submit(form, form.querySelector<HTMLElement>('input[type="submit"]'));
    });
    expect(byType(events, 'wishlist_add')).toHaveLength(1);
    expect(productOf(events, 'wishlist_add')).toMatchObject({ id: 'OTL' });
  });

  test('product page: the review form (/postreview.php) is a review_submit of the page product', async () => {
    open(real.bcProduct);
    const events = await capture(async () => {
      await settled();
      submit($form('form.writeReview-form'));
    });
    expect(byType(events, 'review_submit')).toHaveLength(1);
    expect(productOf(events, 'review_submit')).toMatchObject({ id: 'OTL' });
  });

  test('footer newsletter (subscription-form.html, /subscribe.php): newsletter_signup without the address', async () => {
    open(real.bcHome);
    $input('#nl_email').value = 'jane.doe@example.com';
    const events = await capture(() => submit($form('form[action="/subscribe.php"]')));
    expect(byType(events, 'newsletter_signup')).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('jane.doe');
  });
});
