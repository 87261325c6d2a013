import { schemaProduct } from '../signals/schemaOrg.ts';
import { bodyFields } from '../../lib/bodyFields.ts';
import { cartFields } from '../signals/cartFields.ts';
import { compact } from '../../lib/compact.ts';
import { hasFacts, mergeProducts, toText } from '../../lib/toProduct.ts';
import { cartForm } from './cartAdd.ts';
import type { Signals } from '../pageSignals.ts';
import { ga4Items } from '../signals/dataLayer.ts';
import type { Props } from '../../core/types.ts';

/**
 * A product page: the dataLayer's `view_item`, a page with exactly one JSON-LD or
 * microdata `Product`/`ProductGroup` (several are a listing), Open Graph product meta,
 * the platform's product, a body class or URL rule. The facts of all are merged, the more
 * trusted first; the platform's object ranks above structured data here, as it names the
 * selected variant by SKU (what its cart requests resolve to) where JSON-LD describes the
 * product group.
 */
export function productView(s: Signals): Props | undefined {
  const view = s.dl('view_item');
  const only = (nodes: object[]) => (nodes.length == 1 ? schemaProduct(nodes[0]!) : undefined);
  const product = mergeProducts(
    view && ga4Items(view)[0],
    s.platform()?.product,
    only(s.nodes('Product', 'ProductGroup')),
    s.og(),
  );
  if (!hasFacts(product) && !view && !s.rule('product_view')) return undefined;
  // Without an id elsewhere (some themes print the SKU as plain text), the one the page's
  // cart form posts, or its product field.
  const form = document.querySelector<HTMLFormElement>(cartForm());
  product.id ??= toText(form ? cartFields(bodyFields(new FormData(form))).id : document.querySelector<HTMLInputElement>('[name=product_id]')?.value);
  return { product: compact(product) };
}
