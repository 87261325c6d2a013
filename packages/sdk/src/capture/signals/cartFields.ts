import { pick, type Loose } from '../../lib/toProduct.ts';

/**
 * Product id, quantity and variant from what storefronts post to add to or change a
 * cart: the field names of the common platforms (`id`, `add-to-cart`, `product_id`,
 * `product_sku`, `id_product`, `qty[]`, …), `items[]`/`lineItems[]` lists, and nested
 * `lineItems[{id}][id]` form fields (the first line, flattened).
 */
export function cartFields(body: Loose): Loose {
  const flat: Loose = {};
  for (const key in body) flat[key.replace(/^lineItems\[[^\]]*\]\[(\w+)\]$/, '$1')] ??= body[key];
  const fields = pick(
    body.items?.[0] ?? body.lineItems?.[0] ?? body.line_items?.[0] ?? flat,
    'product_sku|add-to-cart|product|product_id|productId|id_product|params[id_product]|pid|id _ _ _ _ _ variation_id|variantId quantity|qty|qty[]',
  );
  // A line item key `41002:3f1c…` names the variant before the colon.
  if (typeof fields.id == 'string') fields.id = fields.id.replace(/^(\d+):\w+$/, '$1');
  return fields;
}
