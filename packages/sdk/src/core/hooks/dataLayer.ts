import type { Loose } from '../../lib/toProduct.ts';
import { patch } from './patch.ts';

type DataLayerListener = (name: string, data: Loose, past: boolean) => void;

/**
 * Observes the shop's `dataLayer` (GTM) without breaking the page's tags: pushes go
 * through the original `push` first (GTM replaces it with its own, which we then wrap, or
 * wraps ours), and entries pushed before Waymark loaded are read once as `past`. Every
 * entry reaches `listener` as a GA4 event name and its ecommerce object, from GA4 pushes
 * (`{event, ecommerce}`) and gtag calls (`['event', name, params]`) alike. Returns a function that hooks `window.dataLayer` again
 * when the page replaced the array, and a stop function.
 */
export function dataLayer(listener: DataLayerListener) {
  const hooked = new WeakSet<object>();
  const stops: (() => void)[] = [];
  const read = (entry: Loose, past: boolean) => {
    if (!entry || typeof entry != 'object') return;
    if (entry[0] == 'event' && typeof entry[1] == 'string') return listener(entry[1], entry[2] ?? {}, past);
    if (typeof entry.event == 'string') listener(entry.event, entry.ecommerce ?? entry, past);
  };
  const hook = () => {
    const layer = (window as Loose).dataLayer;
    if (!Array.isArray(layer) || hooked.has(layer)) return;
    hooked.add(layer);
    for (const entry of layer) read(entry, true);
    stops.push(patch(layer, 'push', (_, entries) => entries.forEach((entry) => read(entry, false))));
  };
  hook();
  return { hook, stop: () => stops.forEach((stop) => stop()) };
}
