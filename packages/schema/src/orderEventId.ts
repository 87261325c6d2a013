/**
 * The event id of an `order_complete` for a given order: the same order always gets the
 * same id, so reloading the thank-you page (in any tab, on any device) is stored once. The
 * collector applies it to every `order_complete` with an `order_id`, whatever id it came with.
 * cyrb53-style hashing, twice with different seeds → 2 × 53 bits.
 */
export function orderEventId(orderId: string): string {
  return 'order_' + hash53(orderId, 1) + hash53(orderId, 2);
}

function hash53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}
