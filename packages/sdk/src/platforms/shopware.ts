import type { AdapterFactory } from '../core/adapter.ts';

/** Shopware 6: `is-ctl-*`/`is-act-*` `<body>` classes, product and line ids in request paths. */
export const shopware: AdapterFactory = () => ({
  pages: {
    order_complete: '.is-act-finishpage',
    product_list_view: '.is-ctl-navigation.is-act-index .cms-element-product-listing',
  },
  orderNumber: '.finish-ordernumber',
  orderTotal: 'dd.checkout-aside-summary-total',
  orderPageNumber: '.order-table-header-order-number>span',
  // `/checkout/line-item/delete/{id}`, `/wishlist/add/{id}`: the product or line in the path
  // (32 hex digits) when the body does not name it; a promotion's line is no product.
  requestFields(pathname, fields) {
    const id = /(?:line-item|wishlist)\/.*\/([\da-f]{32})$/.exec(pathname)?.[1];
    return id && document.querySelector(`.line-item-promotion [data-product-id="${id}"]`) ? false : { id, ...fields };
  },
  // The CMS newsletter and contact forms and the account's checkbox post by script.
  request: (target, fields) =>
    /newsletter/.test(target) && /^(?:subscribe|direct)$/.test(fields.option) ? ['newsletter_signup', {}] : /\/form\/contact/.test(target) ? ['support_contact', {}] : undefined,
});
