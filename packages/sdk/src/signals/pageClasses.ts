import type { PageType } from '../types.ts';

/**
 * The page types platforms write on `<body>`: WooCommerce and Magento 2 as classes,
 * PrestaShop's classic themes as the id (its `page_name`). They tell category and
 * thank-you pages apart where URLs are the shop's own.
 */
const CLASSES: Partial<Record<PageType, string>> = {
  order_complete: '.woocommerce-order-received,.checkout-onepage-success,#order-confirmation',
  order_tracking_view: '.woocommerce-view-order,.sales-order-view,.sales-guest-view,#order-detail,#guest-tracking',
  return_start: '#order-follow,.rma-returns-create',
  cart_view: '.woocommerce-cart,.checkout-cart-index,#cart',
  checkout_start: '.woocommerce-checkout,.checkout-index-index,#checkout',
  product_view: '.single-product,.catalog-product-view,#product',
  product_list_view: '.tax-product_cat,.tax-product_tag,.post-type-archive-product,.catalog-category-view,#category',
  account_view: '.woocommerce-account,.customer-account-index,#my-account',
};

/** True when `<body>` says the page is of this type. */
export function pageClass(type: PageType): boolean {
  const selector = CLASSES[type];
  return !!selector && !!document.body?.matches(selector.replace(/(^|,)/g, '$1body'));
}
