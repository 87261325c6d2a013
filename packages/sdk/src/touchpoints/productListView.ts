import { MAX_LIST_PRODUCTS } from '@waymark/schema';
import { schemaListProducts, schemaProduct } from '../lib/schemaOrg.ts';
import { hasFacts, pick, toProduct, toText } from '../lib/toProduct.ts';
import { visibleText } from '../lib/visibleText.ts';
import { pageClass } from '../signals/pageClasses.ts';
import type { Signals } from '../pageSignals.ts';
import { ga4Items } from '../signals/dataLayer.ts';
import type { Props } from '../types.ts';

/**
 * A category or collection page: the dataLayer's `view_item_list`, a schema.org `ItemList`
 * of products or several `Product`s, Shopify's collection, a body class or URL rule.
 * The list is named by the dataLayer, the `ItemList`, or else the page's `<h1>` or the
 * breadcrumb's current page (Shopware's and OpenCart's listings have no `<h1>`); its products
 * come from these signals, or else from BigCommerce's cards or the `ItemList`'s entries.
 */
export function productListView(s: Signals): Props | undefined {
  const view = s.dl('view_item_list');
  const list = s.nodes('ItemList')[0];
  const products = [
    view && ga4Items(view, MAX_LIST_PRODUCTS),
    list && schemaListProducts(list),
    s.nodes('Product', 'ProductGroup').slice(0, MAX_LIST_PRODUCTS).map(schemaProduct),
    s.shop()?.pageType == 'collection' && s.shop()!.products,
  ].find((found) => found && found.length);
  if (!products && !view && !s.rule('product_list_view')) return undefined;
  return {
    list: toText(view?.item_list_name ?? list?.name ?? visibleText(document.querySelector('h1') ?? document.querySelector('.breadcrumb [aria-current=page],.breadcrumb li:last-child'))),
    // What names products without saying the page is a list (carousels and other lists are
    // on any page): BigCommerce's product cards; an ItemList's named entries (PrestaShop) only
    // when the platform's markup says the page is a category (a blog's categories list posts).
    products:
      products ||
      [...document.querySelectorAll<HTMLElement>('#product-listing-container [data-event-type=list]')]
        .map(({ dataset }) => toProduct(pick(dataset, 'entityId name productPrice _ productBrand productCategory')))
        .concat(pageClass('product_list_view') ? [].concat(list?.itemListElement ?? []).map(toProduct) : [])
        .filter(hasFacts)
        .slice(0, MAX_LIST_PRODUCTS),
  };
}
