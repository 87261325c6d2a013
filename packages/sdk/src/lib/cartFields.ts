import { pick, type Loose } from './toProduct.ts';

/**
 * Product id, quantity and variant from what the platforms post to add to or change a
 * cart: Shopify `id` (a variant id) and `items[]`, WooCommerce `add-to-cart`/`product_id`
 * /`product_sku` and `variation_id`, Magento `product`/`qty`, BigCommerce `product_id`/
 * `qty[]` and `lineItems[]`, PrestaShop `id_product`/`qty`, Shopware `lineItems[{id}][id]`
 * and `[quantity]` (the first line of a form's nested fields, flattened).
 */
export function cartFields(body: Loose): Loose {
  const flat: Loose = {};
  for (const key in body) flat[key.replace(/^lineItems\[[^\]]*\]\[(\w+)\]$/, '$1')] ??= body[key];
  const fields = pick(
    body.items?.[0] ?? body.lineItems?.[0] ?? body.line_items?.[0] ?? flat,
    'product_sku|add-to-cart|product|product_id|productId|id_product|params[id_product]|pid|id _ _ _ _ _ variation_id|variantId quantity|qty|qty[]',
  );
  // Shopify's line item key `41002:3f1c…` names the variant before the colon.
  if (typeof fields.id == 'string') fields.id = fields.id.replace(/^(\d+):\w+$/, '$1');
  return fields;
}

/** The fields of a request or form body: FormData, URLSearchParams, urlencoded or JSON text, or fields read already (a submitted form's). */
export function bodyFields(body: unknown): Loose {
  if (Object.getPrototypeOf(body ?? 0) == Object.prototype) return body as Loose;
  if (typeof body == 'string') {
    try {
      const json = JSON.parse(body);
      return json && typeof json == 'object' ? json : {};
    } catch {
      body = new URLSearchParams(body);
    }
  }
  return body instanceof URLSearchParams || body instanceof FormData
    ? Object.fromEntries([...(body as URLSearchParams)].filter(([, value]) => typeof value == 'string'))
    : {};
}
