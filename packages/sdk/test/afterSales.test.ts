import type { WireEvent } from '@waymark/schema';
import { beforeEach, describe, expect, test } from 'vitest';
import * as after from './fixtures/afterSales.ts';
import { lumaProduct, psProduct } from './fixtures/realMagentoPrestaShop.ts';
import { dawnCollection, dawnCustomerOrder, dawnProduct } from './fixtures/realShopify.ts';
import { oc3 } from './fixtures/realOpenCartSfra.ts';
import { bcProduct, wooCategory } from './fixtures/realWooBigCommerce.ts';
import * as shopware from './fixtures/realShopware.ts';
import { byType, capture, submit } from './helpers.ts';
import { $, $form, click, muteXhr, open, xhr, type Fixture } from './realPages.ts';

muteXhr();

/**
 * The props of this test's events of `type`, each event once: delivery is at least once, and
 * the last test's page may still hand its queue to this one, as a shop's next page would.
 */
let since = 0;
beforeEach(() => void (since = Date.now()));
const propsOf = (events: WireEvent[], type: string) => [...new Map(byType(events, type).filter((event) => event.ts >= since).map((event) => [event.id, event.props])).values()];

/** The events of `type` after clicking each link found by `selectors`, in turn. */
async function clicks(fixture: Fixture, type: string, ...selectors: string[]) {
  open(fixture);
  const events = await capture(() => selectors.forEach((selector) => click($(selector))));
  return propsOf(events, type);
}

describe('cross_sell_click: a click on a product of a recommendation block', () => {
  test("Dawn: \"You may also like\" cards (regular and sale price) and the \"Pairs well with\" block", async () => {
    expect(
      await clicks(
        after.dawnRecommendations,
        'cross_sell_click',
        '#CardLink-template--22041852084471__related-products-8123456790',
        '#StandardCardNoMediaLink-template--22041852084471__related-products-8123456791',
        'a[href="/products/silver-cufflinks"]',
      ),
    ).toEqual([
      { product: { name: 'Leather Belt', price: 35 }, list: 'You may also like', page_type: 'product_view' },
      { product: { name: 'Canvas Tote', price: 19 }, list: 'You may also like', page_type: 'product_view' },
      { product: { name: 'Silver Cufflinks', price: 49 }, list: 'Pairs well with', page_type: 'product_view' },
    ]);
  });

  test('WooCommerce: up-sells and related products, the SKU of the add-to-cart button, the sale price', async () => {
    expect(
      await clicks(after.wooRelated, 'cross_sell_click', '.post-83 .woocommerce-LoopProduct-link img', '.post-60 .woocommerce-loop-product__title', '.post-60 .add_to_cart_button'),
    ).toEqual([
      { product: { id: 'Woo-beanie-logo', name: 'Beanie with Logo', price: 18 }, list: 'You may also like…', page_type: 'product_view' },
      { product: { id: 'woo-beanie', name: 'Beanie', price: 18 }, list: 'Related products', page_type: 'product_view' },
      // Its add-to-cart button is a click on the recommended product too (and a cart_add).
      { product: { id: 'woo-beanie', name: 'Beanie', price: 18 }, list: 'Related products', page_type: 'product_view' },
    ]);
  });

  test('Magento Luma: the photo link of a related product (its name and price from the card)', async () => {
    expect(await clicks(after.lumaRelated, 'cross_sell_click', '.block.related .product-item-photo img')).toEqual([
      { product: { id: '14', name: 'Overnight Duffle', price: 45 }, list: 'Related Products', page_type: 'product_view' },
    ]);
  });

  test("PrestaShop classic: the accessories block (the adapter's) headed by a <p class=\"h5\">", async () => {
    expect(await clicks(after.psAccessories, 'cross_sell_click', '.product-accessories .product-thumbnail')).toEqual([
      { product: { id: '6', name: 'Mug The best is yet to come', price: 11.9 }, list: 'You might also like', page_type: 'product_view' },
    ]);
  });

  test('Shopware 6, BigCommerce Cornerstone and OpenCart 3: cross-selling tab, related tab, related products', async () => {
    expect(await clicks(shopware.product, 'cross_sell_click', '.cms-element-cross-selling .product-name')).toEqual([
      { product: { name: 'Canvas Sneaker Low', price: 49.95 }, list: 'cross-sell', page_type: 'product_view' },
    ]);
    expect(await clicks(bcProduct, 'cross_sell_click', '#tab-related .card-figure__link img')).toEqual([
      { product: { id: '86', name: '[Sample] Able Brewing System', price: 225 }, list: 'related', page_type: 'product_view' },
    ]);
    expect(await clicks(oc3.product, 'cross_sell_click', '.product-thumb .image a')).toEqual([
      { product: { name: 'Apple Cinema 30"', price: 110 }, list: 'Related Products', page_type: 'product_view' },
    ]);
  });

  test('"Buy it again" on an order page: a loyalty-stage page named by its heading alone; each link once', async () => {
    const props = await clicks(after.dawnBuyItAgain, 'cross_sell_click', '.buy-again a[href^="/products/oxford"] img', '.buy-again a[href="/products/leather-belt"]', '.buy-again a[href="/products/leather-belt"]');
    expect(props).toEqual([
      { product: { name: 'Oxford Shirt' }, list: 'Buy it again', page_type: 'order_tracking_view' },
      { product: { name: 'Leather Belt' }, list: 'Buy it again', page_type: 'order_tracking_view' },
    ]);
  });

  test("a block marked data-waymark=\"cross_sell_click\", and no click outside recommendation blocks", async () => {
    const marked = {
      ...dawnProduct,
      html: dawnProduct.html.replace('</main>', '<div data-waymark="cross_sell_click"><h2>Staff picks</h2><a href="/products/wool-scarf" data-product-id="8123456799">Wool Scarf</a></div></main>'),
    };
    expect(await clicks(marked, 'cross_sell_click', '[data-waymark=cross_sell_click] a')).toEqual([{ product: { id: '8123456799', name: 'Wool Scarf' }, list: 'Staff picks', page_type: 'product_view' }]);
    // Every link of product and listing pages without such a block: menus, breadcrumbs, cards, footers.
    let links = 0;
    for (const page of [wooCategory, lumaProduct, psProduct, dawnCollection, shopware.category]) {
      open(page);
      links += document.querySelectorAll('a[href]').length;
      expect(propsOf(await capture(() => document.querySelectorAll('a[href]').forEach(click)), 'cross_sell_click')).toEqual([]);
    }
    expect(links).toBeGreaterThan(30);
  });
});

describe('support_contact: a contact form sent, a chat opened, a mailto:/tel: link followed', () => {
  test('Dawn: the contact form, then mail and phone links, each once', async () => {
    open(after.dawnContact);
    const events = await capture(() => {
      const form = $form('#ContactForm');
      form.addEventListener('submit', (event) => event.preventDefault());
      submit(form, form.querySelector('button'));
      click($('a[href^="mailto:"]'));
      click($('a[href^="tel:"]'));
      click($('a[href^="mailto:"]'));
    });
    expect(propsOf(events, 'support_contact')).toEqual([
      { via: 'form', page_type: 'page_view' },
      { via: 'email', page_type: 'page_view' },
      { via: 'phone', page_type: 'page_view' },
    ]);
    expect(JSON.stringify(events)).not.toContain('help@');
  });

  test("Dawn's footer newsletter form (posting to /contact#ContactFooter) is a sign-up, no contact", async () => {
    open(dawnProduct);
    const events = await capture(() => {
      const form = $form('#ContactFooter');
      form.addEventListener('submit', (event) => event.preventDefault());
      submit(form, form.querySelector('button'));
    });
    expect(byType(events, 'newsletter_signup')).toHaveLength(1);
    expect(byType(events, 'support_contact')).toEqual([]);
  });

  test("on an order page, the order's number goes with the contact", async () => {
    expect(await clicks({ ...dawnCustomerOrder, html: dawnCustomerOrder.html.replace('</main>', '<a href="mailto:help@acme-outfitters.example?subject=Order%20%231042">Questions about this order?</a></main>') }, 'support_contact', 'a[href^="mailto:"]')).toEqual([
      { via: 'email', page_type: 'order_tracking_view', order_id: '1042' },
    ]);
  });

  test.each(['intercom', 'crisp'] as const)('%s: a click on the launcher in the page is one chat, however often', async (widget) => {
    const page = { ...dawnProduct, html: dawnProduct.html.replace('</body>', after.chatWidgets[widget] + '</body>') };
    const launcher = widget == 'intercom' ? '.intercom-launcher svg' : '#crisp-chatbox a span';
    expect(await clicks(page, 'support_contact', launcher, launcher)).toEqual([{ via: 'chat', page_type: 'product_view' }]);
  });

  test('Shopify Inbox: a click inside its shadow root reaches the page as a click on the element', async () => {
    const page = { ...dawnProduct, html: dawnProduct.html.replace('</body>', after.chatWidgets.shopifyInbox + '</body>') };
    open(page);
    const events = await capture(() => {
      const host = document.querySelector('inbox-online-store-chat')!;
      const button = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    expect(propsOf(events, 'support_contact')).toEqual([{ via: 'chat', page_type: 'product_view' }]);
  });

  test.each(['zendesk', 'tawk', 'hubspot'] as const)('%s: the launcher frame taking the focus is a chat', async (widget) => {
    const page = { ...dawnProduct, html: dawnProduct.html.replace('</body>', after.chatWidgets[widget] + '</body>') };
    open(page);
    const events = await capture(async () => {
      document.querySelector('iframe')!.focus();
      window.dispatchEvent(new FocusEvent('blur'));
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(propsOf(events, 'support_contact')).toEqual([{ via: 'chat', page_type: 'product_view' }]);
  });

  test('the window losing the focus otherwise (another tab, the address bar) is no chat', async () => {
    open(dawnProduct);
    const events = await capture(async () => {
      window.dispatchEvent(new FocusEvent('blur'));
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(byType(events, 'support_contact')).toEqual([]);
  });

  test('Shopware 6: the CMS contact form posts by script (/form/contact)', async () => {
    open(shopware.home);
    const events = await capture(() => xhr('POST', '/form/contact', 'salutationId=1&firstName=Jane&email=jane%40example.com&subject=Order&comment=Where%20is%20it'));
    expect(propsOf(events, 'support_contact')).toEqual([{ via: 'form', page_type: 'page_view' }]);
    expect(JSON.stringify(events)).not.toContain('jane');
  });
});

describe('subscription_renew and subscription_cancel', () => {
  test('WooCommerce Subscriptions: Cancel and Renew now on View subscription, with its number and product', async () => {
    open(after.wooSubscription);
    const events = await capture(() => {
      click($('.subscription_details a.cancel'));
      click($('.subscription_details a.subscription_renewal_early'));
    });
    const product = { name: 'Coffee Beans Subscription' };
    expect(byType(events, 'subscription_cancel').map((event) => [event.props, event.url])).toEqual([[{ subscription_id: '4711', product }, 'https://woo.example/my-account/view-subscription/4711/']]);
    expect(propsOf(events, 'subscription_renew')).toEqual([{ subscription_id: '4711', product }]);
  });

  test("a customer portal's script posting to …/subscriptions/{id}/cancel; reading it (GET) is nothing", async () => {
    open(dawnProduct);
    const events = await capture(async () => {
      await fetch('/tools/recurring/portal/8f2c/subscriptions/88112/cancel');
      await fetch('/tools/recurring/portal/8f2c/subscriptions/88112/cancel', { method: 'POST', body: JSON.stringify({ cancellation_reason: 'Too much product' }) });
      xhr('POST', '/apps/portal/api/subscriptions/99/reactivate');
    });
    expect(propsOf(events, 'subscription_cancel')).toEqual([{ subscription_id: '88112' }]);
    expect(propsOf(events, 'subscription_renew')).toEqual([{ subscription_id: '99' }]);
  });

  test("a form posting to a URL of the site's own rule (`pages`), and a built-in rule turned off", async () => {
    const html = dawnProduct.html.replace('</main>', '<form method="post" action="/abo/kuendigen"><input type="hidden" name="abo" value="12"><button>Kündigen</button></form><form method="post" action="/account/subscriptions/7/cancel"><button>Cancel</button></form></main>');
    open({ ...dawnProduct, html });
    const events = await capture(
      () => {
        for (const form of document.querySelectorAll('form[action^="/abo"],form[action^="/account/subscriptions"]')) {
          form.addEventListener('submit', (event) => event.preventDefault());
          submit(form as HTMLFormElement, form.querySelector('button'));
        }
      },
      { pages: { subscription_cancel: '^/abo/kuendigen' } },
    );
    expect(propsOf(events, 'subscription_cancel')).toEqual([{}]);
  });
});
