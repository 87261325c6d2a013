import { MAX_PROPS_BYTES } from '@waymark/schema';
import type { Loose } from './toProduct.ts';

const size = (props: Loose) => new TextEncoder().encode(JSON.stringify(props)).length;

/**
 * Props within the collector's 8 KiB: long product lists are cut (the first products
 * are the ones shown first); props still too large are refused (undefined).
 */
export function fitProps(props: Loose): Loose | undefined {
  let fitted = props;
  while (size(fitted) > MAX_PROPS_BYTES) {
    const key = ['products', 'items'].find((key) => fitted[key]?.length > 1);
    if (!key) return undefined;
    fitted = { ...fitted, [key]: fitted[key].slice(0, fitted[key].length >> 1) };
  }
  return fitted;
}
