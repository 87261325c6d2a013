import { schemaPageProduct, schemaPageProducts } from '../signals/schemaOrg.ts';
import { bodyFields } from '../../lib/bodyFields.ts';
import { cartFields } from '../signals/cartFields.ts';
import { compact } from '../../lib/compact.ts';
import { mergeProducts, named, toText } from '../../lib/toProduct.ts';
import { cartForm } from './cartAdd.ts';
import type { Signals } from '../pageSignals.ts';
import { ga4Items } from '../signals/dataLayer.ts';
import type { Props } from '../../core/types.ts';

/**
 * A product page: the dataLayer's `view_item`, a page whose JSON-LD or microdata names
 * exactly one product (a `Product` subtype or sold `CreativeWork`; a `ProductGroup` with
 * its variants is one, several are a listing), Open Graph or catalog product meta, the
 * platform's product, a body class or URL rule. The facts of all are merged, the more
 * trusted first; the platform's object ranks above structured data here, as it names the
 * selected variant by SKU (what its cart requests resolve to). Facts without an id or a
 * name make no product.
 */
export function productView(s: Signals): Props | undefined {
  const view = s.dl('view_item');
  const nodes = s.nodes('Product');
  const [only, more] = schemaPageProducts(nodes);
  const product = mergeProducts(view && ga4Items(view)[0], s.platform()?.product, only && !more && schemaPageProduct(only, nodes, s.url), s.og());
  if (!named(product) && !view && !s.rule('product_view')) return undefined;
  // Without an id elsewhere (some themes print the SKU as plain text), the one the page's
  // cart form posts, or its product field.
  const form = document.querySelector<HTMLFormElement>(cartForm());
  product.id ??= toText(form ? cartFields(bodyFields(new FormData(form))).id : document.querySelector<HTMLInputElement>('[name=product_id]')?.value);
  return { product: compact(product) };
}
