import { MAX_LIST_PRODUCTS } from '@waymark/schema';
import { ask } from '../../core/platform.ts';
import type { Props } from '../../core/types.ts';
import { named, toProduct, toText } from '../../lib/toProduct.ts';
import type { Signals } from '../pageSignals.ts';
import { ga4Items } from '../signals/dataLayer.ts';
import { pageClass } from '../signals/pageClasses.ts';
import { schemaListProducts, schemaPageProducts, schemaProduct } from '../signals/schemaOrg.ts';
import { visibleText } from '../signals/visibleText.ts';

/**
 * A category or collection page: the dataLayer's `view_item_list`, a schema.org `ItemList`
 * of products or several products, the platform's listing, a body class or URL rule.
 * The list is named by the dataLayer, the `ItemList`, or else the page's `<h1>` or the
 * breadcrumb's current page (listings without an `<h1>`); its products come from these
 * signals, or else from the platform's product cards or the `ItemList`'s entries.
 */
export function productListView(s: Signals): Props | undefined {
  const view = s.dl('view_item_list');
  const list = s.nodes('ItemList')[0];
  const platform = s.platform();
  const products = [
    view && ga4Items(view, MAX_LIST_PRODUCTS),
    list && schemaListProducts(list),
    schemaPageProducts(s.nodes('Product')).slice(0, MAX_LIST_PRODUCTS).map((node) => schemaProduct(node)).filter(named),
    platform?.type == 'product_list_view' && platform.products,
  ].find((found) => found && found.length);
  if (!products && !view && !s.rule('product_list_view')) return undefined;
  return {
    list: toText(view?.item_list_name ?? list?.name ?? visibleText(document.querySelector('h1') ?? document.querySelector('.breadcrumb [aria-current=page],.breadcrumb li:last-child'))),
    // What names products without saying the page is a list (carousels and other lists are
    // on any page): the platform's product cards; an ItemList's named entries only when the
    // platform's markup says the page is a category (a blog's categories list posts).
    products:
      products ||
      (ask((adapter) => adapter.listProducts?.()) ?? [])
        .concat(pageClass('product_list_view') ? [].concat(list?.itemListElement ?? []).map(toProduct) : [])
        .filter(named)
        .slice(0, MAX_LIST_PRODUCTS),
  };
}
