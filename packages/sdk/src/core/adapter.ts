import type { CartProps, OrderProps, Product } from '@waymark/schema';
import type { hasFacts, pick, toAmount, toCurrency, toProduct, toText, Loose } from '../lib/toProduct.ts';
import type { PageType, Props } from './types.ts';

export type CartAction = 'cart_add' | 'cart_remove' | 'wishlist_add';

/** What a platform's own objects say of the page. */
export interface PlatformPage {
  /** The page type the platform names. */
  type?: PageType;
  /** The product page's product, as its selected variant. */
  product?: Product;
  /** A listing's products. */
  products: Product[];
  /** A variant id (what the platform's cart requests post) → its product. */
  variant(id: string): Product | undefined;
  /** The order of a thank-you or order page. */
  order?: OrderProps;
}

/**
 * One platform's knowledge (SPEC §4): selectors, endpoints, field names and quirks. The
 * generic readers ask every adapter of the page; each field is optional.
 */
export interface Adapter {
  /** Markup (`<body>` classes, ids, attributes) that says the page is of a type. */
  pages?: Partial<Record<PageType, string>>;
  /** Add-to-cart forms. */
  cartForm?: string;
  /** Fields or blocks that make a form a newsletter form. */
  newsletterForm?: string;
  /** Product review forms. */
  reviewForm?: string;
  /** Where the thank-you page prints the order number (last word of the text) and the total. */
  orderNumber?: string;
  orderTotal?: string;
  /** Where an order page prints the order number. */
  orderPageNumber?: string;
  /** Pages where a query parameter filters rather than searches. */
  notSearch?: string;
  /** Recommendation blocks (related, upsell, cross-sell, "bought together") the generic markers miss. */
  crossSell?: string;
  /** Contact forms the generic markers miss. */
  contactForm?: string;
  /** Buttons, links and forms of the platform's subscription apps that renew or reactivate a subscription. */
  subscriptionRenew?: string;
  /** Buttons, links and forms of the platform's subscription apps that cancel one. */
  subscriptionCancel?: string;
  /** Where a subscription page names the subscribed product. */
  subscriptionProduct?: string;
  /** The shop's currency, where the platform publishes it. */
  currency?(): string | undefined;
  /** The cart of cart and checkout pages. */
  cart?(): CartProps | undefined;
  /** The platform's objects of the page. */
  page?(url: URL): PlatformPage | undefined;
  /** The step a one-page checkout shows. */
  checkoutStep?(): Props | undefined;
  /** Product cards of a listing page. */
  listProducts?(): Product[];
  /** The cart action of a request by this platform's conventions (its body's flags). */
  cartAction?(url: string, fields: Loose): CartAction | undefined;
  /** A request's fields with what its path names; false: no product's request. */
  requestFields?(pathname: string, fields: Loose): Loose | false;
  /**
   * A request carrying its own cart change (a batch, a framework's form payload): its action
   * and product, or undefined. `read` reads a request inside it.
   */
  cartRequest?(target: string, fields: Loose, read: (method: string, url: unknown, body: unknown) => [CartAction, Loose] | undefined): [CartAction, Loose] | undefined;
  /** A cart request's product with what the page's cart shows of its line. */
  cartProduct?(target: string, fields: Loose, product: Loose): Loose;
  /** Another touchpoint a request means (newsletter, review, checkout step). */
  request?(target: string, fields: Loose): [type: string, props: Props] | undefined;
  /** What a submitted add-to-cart form knows beyond its fields. */
  formProduct?(form: HTMLFormElement, fields: Loose): Loose;
  /** Another touchpoint a submitted form means. */
  form?(form: HTMLFormElement, fields: Loose): string | undefined;
}

/** The helpers the core lends its adapters, so an adapter chunk carries none of them. */
export interface Lib {
  pick: typeof pick;
  toProduct: typeof toProduct;
  toAmount: typeof toAmount;
  toCurrency: typeof toCurrency;
  toText: typeof toText;
  hasFacts: typeof hasFacts;
}

/** A platform adapter as its module exports it: built once with the core's helpers. */
export type AdapterFactory = (lib: Lib) => Adapter;
