import type { Product } from '@waymark/schema';
import { pick, toProduct, type Loose } from '../../lib/toProduct.ts';

/**
 * The product of Open Graph product meta (`og:type=product`) or of Meta's catalog tags
 * alone (`product:price:amount`, `product:retailer_item_id`, `product:brand`…, which
 * Meta's catalog documentation shows without `og:type`), and `og:price:amount`, which some
 * platforms format in the shop's locale (`19,99`).
 */
export function openGraph(doc: Document): Product | undefined {
  const meta: Loose = {};
  for (const tag of doc.head?.querySelectorAll('meta[property],meta[name]') ?? []) {
    meta[(tag.getAttribute('property') ?? tag.getAttribute('name'))!] ??= tag.getAttribute('content');
  }
  return /product/i.test(meta['og:type']) || Object.keys(meta).some((name) => name.startsWith('product:'))
    ? toProduct(
        pick(
          meta,
          'product:retailer_item_id|product:sku|product:item_group_id og:title product:price:amount|og:price:amount product:price:currency|og:price:currency product:brand product:category',
        ),
      )
    : undefined;
}
