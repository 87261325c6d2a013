import type { PageType } from '../types.ts';

/**
 * The page types platforms write in the markup: WooCommerce, Magento 2 and Shopware 6 as
 * `<body>` classes, PrestaShop's classic themes as the `<body>` id (its `page_name`), BigCommerce's
 * Cornerstone as the `#product-listing-container` of category and brand pages (its cards'
 * `data-event-type="list"` is in home page carousels too). They tell category and thank-you
 * pages apart where URLs are the shop's own. OpenCart names the page in its main container's
 * id (`#product-product`, `#checkout-cart`), Salesforce SFRA in `data-action` (`Cart-Show`).
 */
const CLASSES: Partial<Record<PageType, string>> = {
  order_complete: '.woocommerce-order-received,.checkout-onepage-success,#order-confirmation,.is-act-finishpage,[data-action=Order-Confirm]',
  order_tracking_view: '.woocommerce-view-order,.sales-order-view,.sales-guest-view,.sales-guest-form,#order-detail,#guest-tracking,[data-action^=Order-]',
  return_start: '#order-follow,.rma-returns-create',
  cart_view: '.woocommerce-cart,.checkout-cart-index,#cart,[id=checkout-cart],[data-action=Cart-Show]',
  checkout_start: '.woocommerce-checkout,.checkout-index-index,#checkout,[data-checkout-stage]',
  product_view: '.single-product,.catalog-product-view,#product,[id=product-product],[id=product-info]',
  product_list_view: '.is-ctl-navigation.is-act-index .cms-element-product-listing,.tax-product_cat,.tax-product_tag,.tax-product_brand,body[class*=tax-pa_],.post-type-archive-product,.catalog-category-view,#category,[id=product-listing-container],[id=product-category],[data-action=Search-Show]',
  account_view: '.woocommerce-account,.customer-account-index,#my-account,[data-action^=Account-]',
};

/** True when the markup says the page is of this type. */
export function pageClass(type: PageType): boolean {
  const selector = CLASSES[type];
  return !!selector && !!document.querySelector(selector.replace(/(^|,)([.#])/g, '$1body$2'));
}
