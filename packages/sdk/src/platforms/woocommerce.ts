import type { AdapterFactory } from '../core/adapter.ts';
import type { Loose } from '../lib/toProduct.ts';

/** WooCommerce (WordPress): `<body>` classes, `form.cart`, cart item keys, Store API batches. */
export const woocommerce: AdapterFactory = () => ({
  pages: {
    order_complete: '.woocommerce-order-received',
    order_tracking_view: '.woocommerce-view-order',
    cart_view: '.woocommerce-cart',
    checkout_start: '.woocommerce-checkout',
    product_view: '.single-product',
    // Categories, tags, brands and attribute archives.
    product_list_view: '.tax-product_cat,.tax-product_tag,.tax-product_brand,body[class*=tax-pa_],.post-type-archive-product',
    account_view: '.woocommerce-account',
  },
  cartForm: 'form.cart',
  // Contact Form 7 and WPForms.
  contactForm: '.wpcf7-form,.wpforms-form',
  // WooCommerce Subscriptions' actions on My Account › View subscription: links carrying the change.
  subscriptionCancel: 'a[href*="change_subscription_to=cancelled"]',
  subscriptionRenew: 'a[href*="change_subscription_to=active"],a[href*="subscription_renewal_early="],a[href*="resubscribe="]',
  subscriptionProduct: '.woocommerce-MyAccount-content .order_details .product-name a',
  // Reviews are WordPress comments on a product.
  reviewForm: '.single-product #commentform',
  orderNumber: '.woocommerce-order-overview__order strong',
  // The classic overview and the block theme's totals.
  orderTotal: '.woocommerce-order-overview__total .amount,.wc-block-order-confirmation-totals tfoot tr:last-child .amount',
  orderPageNumber: 'mark.order-number',
  // The block cart and buttons send their Store API calls in batches.
  cartRequest(target, fields, read) {
    for (const request of /\/batch/.test(target) && Array.isArray(fields.requests) ? fields.requests : []) {
      const found = request && read(request.method, request.path, JSON.stringify(request.body ?? {}));
      if (found) return found;
    }
    return undefined;
  },
  // A cart item key names its product through the cart's and mini cart's remove links.
  cartProduct(_, fields, product) {
    const key = fields.cart_item_key || fields.remove_item;
    const link = /^\w+$/.test(key) && document.querySelector<HTMLElement>(`[data-cart_item_key="${key}"]`);
    return link ? { id: link.dataset.product_sku || link.dataset.product_id, ...product } : product;
  },
  // The chosen variation's price (the page's product has the range's lowest).
  formProduct(form, fields) {
    try {
      return { price: JSON.parse(form.dataset.product_variations!).find((variation: Loose) => variation.variation_id == fields.variation_id)?.display_price };
    } catch {
      return {};
    }
  },
});
