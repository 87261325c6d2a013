import type { AdapterFactory } from '../core/adapter.ts';

/** OpenCart 3 and 4: the page named in its main container's id, reviews and checkout steps posted by script. */
export const opencart: AdapterFactory = () => ({
  pages: {
    cart_view: '[id=checkout-cart]',
    product_view: '[id=product-product],[id=product-info]',
    product_list_view: '[id=product-category]',
  },
  request(target) {
    const step = /checkout\/(shipping|payment)_method[/.]save/.exec(target)?.[1];
    return /product\/(?:product\/write|review[/.]write)/.test(target) ? ['review_submit', {}] : step ? ['checkout_step', { step }] : undefined;
  },
});
