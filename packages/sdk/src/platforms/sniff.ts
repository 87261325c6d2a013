import type { Loose } from '../lib/toProduct.ts';

const $ = (selector: string) => document.querySelector(selector);

/**
 * Cheap signs of each platform (a global, a CDN, a `<body>` class, a template's marker),
 * the more certain first. The core runs the sniff once and fetches the adapter it names.
 */
const SIGNS: [name: string, sign: (w: Loose) => unknown][] = [
  ['shopify', (w) => w.Shopify || w.ShopifyAnalytics || $('[src*="cdn.shopify.com"],[srcset*="cdn.shopify.com"],[href*="cdn.shopify.com"],[href*="myshopify.com"]')],
  ['bigcommerce', (w) => w.BCData || $('[data-cart-item-add],[data-event-type][data-entity-id],[src*="bigcommerce.com/"],[href*="bigcommerce.com/"]')],
  ['woocommerce', () => $('[class*=woocommerce],[class*=wc-block]')],
  // Every layout names itself on `<body>` (`page-layout-1column`).
  ['magento', () => $('body[class*="page-layout-"],script[type="text/x-magento-init"],[data-mage-init],[src*="/static/version"],[href*="/static/version"]')],
  // The classic themes' `<body id="{page_name}" class="page-{page_name} …">`.
  ['prestashop', (w) => w.prestashop || $('meta[name=generator][content*=PrestaShop],body[id][class^="page-"],body[id][class*=" page-"]')],
  ['shopware', () => $('body[class*="is-ctl-"]')],
  ['sfra', () => $('.page[data-action],[src*="demandware"],[href*="demandware"]')],
  ['opencart', () => $('[href*="route=common/home"],[href*="route=checkout/cart"],[href*="route=product/"],[id=common-home],[id=product-product],[id=product-category],[id=checkout-cart]')],
];

/** The platform the page runs, by the name of its adapter, if any sign says so. */
export function sniff(): string | undefined {
  try {
    return SIGNS.find(([, sign]) => sign(window))?.[0];
  } catch {
    return undefined;
  }
}
