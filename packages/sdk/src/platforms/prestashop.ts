import type { AdapterFactory } from '../core/adapter.ts';
import type { Loose } from '../lib/toProduct.ts';

/** A page's address without query, but with the controller (`index.php?controller=order`). */
const place = (url: string) => url.replace(/[?#].*/, '') + /controller=\w+/.exec(url);

/**
 * PrestaShop (classic themes): the page's `page_name` as the `<body>` id, the `prestashop`
 * object (currency, cart), one cart controller for every cart change.
 */
export const prestashop: AdapterFactory = ({ pick, toProduct, toAmount, toCurrency, hasFacts }) => {
  const currency = (): string | undefined => (window as Loose).prestashop?.currency?.iso_code;
  const cart = () => {
    const cart: Loose | undefined = (window as Loose).prestashop?.cart;
    const code = currency();
    const items: Loose[] = cart?.products?.map?.((product: Loose) => toProduct({ currency: code, ...pick(product, 'reference|id_product name price_amount _ manufacturer_name category _ quantity') })) ?? [];
    return items[0] ? { value: toAmount(cart!.totals?.total?.amount), currency: toCurrency(code), items: items.filter(hasFacts).slice(0, 100) } : undefined;
  };
  return {
    pages: {
      order_complete: '#order-confirmation',
      order_tracking_view: '#order-detail,#guest-tracking',
      return_start: '#order-follow',
      cart_view: '#cart',
      checkout_start: '#checkout',
      product_view: '#product',
      product_list_view: '#category',
      account_view: '#my-account',
    },
    cartForm: 'form#add-to-cart-or-refresh',
    // The product page's accessories, headed by a `<p>`.
    crossSell: '.product-accessories',
    newsletterForm: '[name=submitNewsletter],.block_newsletter',
    reviewForm: '#post-product-comment-form',
    orderTotal: '#order-items .total-value td:last-child',
    // Category, brand and promotion pages filter by `?q=` (faceted search).
    notSearch: 'body#category,body#manufacturer,body#supplier,body#prices-drop,body#new-products,body#best-sales',
    currency,
    cart,
    // The one-page checkout marks its current step (`#checkout-delivery-step`,
    // `#checkout-payment-step`); each step reloads the page, so arriving from another page (a
    // returning customer lands on a later step) is the checkout's start. A referrer without
    // a path (`no-referrer`, `strict-origin` policies) tells nothing: a step then.
    checkoutStep() {
      const current = /delivery|payment/.exec(document.querySelector('.checkout-step.-current')?.id ?? '')?.[0];
      const arrived = /\/\/[^/]+\/[^?#]/.test(document.referrer) && place(document.referrer) != place(location.href);
      return current && !arrived ? { step: current == 'delivery' ? 'shipping' : current, ...cart() } : undefined;
    },
    // The cart controller (`/cart`, `?controller=cart`) tells changes apart in the body
    // (`add=1`, `delete=1`; the cart module sends `action=add-to-cart`).
    cartAction(url, body) {
      if (!/controller=cart|\/cart(?:\?|$)|ps_shoppingcart/.test(url)) return undefined;
      return body.add == 1 || body.action == 'add-to-cart' ? 'cart_add' : body.delete == 1 ? 'cart_remove' : undefined;
    },
  };
};
