import type { AdapterFactory } from '../core/adapter.ts';

/** Magento 2 (Luma, Hyvä): `<body>` classes, SKUs on forms and cart quantity fields. */
export const magento: AdapterFactory = () => ({
  pages: {
    order_complete: '.checkout-onepage-success',
    order_tracking_view: '.sales-order-view,.sales-guest-view,.sales-guest-form',
    return_start: '.rma-returns-create',
    cart_view: '.checkout-cart-index',
    checkout_start: '.checkout-index-index',
    product_view: '.catalog-product-view',
    product_list_view: '.catalog-category-view',
    account_view: '.customer-account-index',
  },
  // Customer and guest success pages.
  orderNumber: '.checkout-success .order-number strong,.checkout-success p>span',
  orderPageNumber: '.sales-order-view .page-title .base,.sales-guest-view .page-title .base',
  // Its forms post the entity id; the SKU is on the form.
  formProduct: (form) => ({ id: form.dataset.productSku }),
  // `checkout/cart/delete` posts the item's id; the cart's quantity field of that item
  // names the product's SKU. Never the item id as product.
  cartProduct: (target, { id }, product) =>
    /cart\/delete/.test(target) ? { ...product, id: /^\d+$/.test(id) ? document.querySelector<HTMLElement>(`[name="cart[${id}][qty]"]`)?.dataset.cartItemId : undefined } : product,
});
