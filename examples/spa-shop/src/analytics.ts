import { CURRENCY, type Product } from './catalog.ts';

// The storefront's own GA4 e-commerce tagging, as a headless storefront ships it. Waymark
// reads these pushes by itself; nothing here is written for Waymark.
declare global {
  interface Window { dataLayer: unknown[] }
}
window.dataLayer = window.dataLayer || [];

export interface Line { product: Product; quantity: number }

const item = ({ product, quantity }: Line) => ({
  item_id: product.sku,
  item_name: product.name,
  item_brand: product.brand,
  item_category: product.category,
  price: product.price,
  quantity,
});

export function gtagEcommerce(event: string, lines: Line[], extra: Record<string, unknown> = {}): void {
  const value = lines.reduce((sum, l) => sum + l.product.price * l.quantity, 0);
  window.dataLayer.push({ ecommerce: null });
  window.dataLayer.push({ event, ecommerce: { currency: CURRENCY, value, ...extra, items: lines.map(item) } });
}
