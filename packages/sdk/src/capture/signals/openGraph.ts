import type { Product } from '@waymark/schema';
import { pick, toProduct, type Loose } from '../../lib/toProduct.ts';

/**
 * The product of Open Graph product meta (`og:type=product`): Facebook's catalog tags
 * (`product:price:amount`, `product:retailer_item_id`) and `og:price:amount`, which some
 * platforms format in the shop's locale (`19,99`).
 */
export function openGraph(doc: Document): Product | undefined {
  const meta: Loose = {};
  for (const tag of doc.head?.querySelectorAll('meta[property],meta[name]') ?? []) {
    meta[(tag.getAttribute('property') ?? tag.getAttribute('name'))!] ??= tag.getAttribute('content');
  }
  return /product/i.test(meta['og:type'])
    ? toProduct(
        pick(
          meta,
          'product:retailer_item_id|product:sku og:title product:price:amount|og:price:amount product:price:currency|og:price:currency product:brand product:category',
        ),
      )
    : undefined;
}
