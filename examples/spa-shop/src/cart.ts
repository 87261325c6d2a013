import { byHandle } from './catalog.ts';
import type { Line } from './analytics.ts';

const KEY = 'tidewater_cart';

export function readCart(): Line[] {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '[]') as { handle: string; quantity: number }[];
    return saved.flatMap(({ handle, quantity }) => {
      const product = byHandle(handle);
      return product ? [{ product, quantity }] : [];
    });
  } catch {
    return [];
  }
}

export function writeCart(lines: Line[]): void {
  localStorage.setItem(KEY, JSON.stringify(lines.map((l) => ({ handle: l.product.handle, quantity: l.quantity }))));
  document.getElementById('cart-count')!.textContent = String(lines.reduce((n, l) => n + l.quantity, 0));
}
