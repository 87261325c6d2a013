import { toProduct, type Loose } from '../lib/toProduct.ts';
import type { Product } from '@waymark/schema';

/**
 * The product of Open Graph product meta (`og:type=product`): Facebook's catalog tags
 * (`product:price:amount`, `product:retailer_item_id`) and Shopify's `og:price:amount`,
 * which Shopify formats in the shop's locale (`19,99`).
 */
export function openGraph(doc: Document): Product | undefined {
  const meta: Loose = {};
  for (const tag of doc.head?.querySelectorAll('meta[property], meta[name]') ?? []) {
    meta[(tag.getAttribute('property') ?? tag.getAttribute('name'))!] ??= tag.getAttribute('content');
  }
  if (!/product/i.test(meta['og:type'] ?? '')) return undefined;
  return toProduct({
    id: meta['product:retailer_item_id'] ?? meta['product:sku'],
    name: meta['og:title'],
    price: meta['product:price:amount'] ?? meta['og:price:amount'],
    currency: meta['product:price:currency'] ?? meta['og:price:currency'],
    brand: meta['product:brand'],
    category: meta['product:category'],
  });
}
