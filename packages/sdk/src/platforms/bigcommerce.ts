import { MAX_LIST_PRODUCTS } from '@waymark/schema';
import type { AdapterFactory } from '../core/adapter.ts';

/** BigCommerce (Cornerstone): product cards, cart forms and links, the checkout's labelled total. */
export const bigcommerce: AdapterFactory = ({ pick, toProduct, hasFacts }) => ({
  // Category and brand pages (its cards' `data-event-type="list"` is in home page carousels too).
  pages: { product_list_view: '[id=product-listing-container]' },
  cartForm: 'form[data-cart-item-add],form[action*="cart.php"]',
  orderTotal: '[data-test=cart-total] [data-test=cart-price-value]',
  // The total's label names the currency: "Total (USD)".
  currency: () => /\(([A-Z]{3})\)/.exec(document.querySelector('[data-test=cart-total]')?.textContent ?? '')?.[1],
  listProducts: () =>
    [...document.querySelectorAll<HTMLElement>('#product-listing-container [data-event-type=list]')]
      .map(({ dataset }) => toProduct(pick(dataset, 'entityId name productPrice _ productBrand productCategory')))
      .filter(hasFacts)
      .slice(0, MAX_LIST_PRODUCTS),
});
