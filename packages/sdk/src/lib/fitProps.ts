import { MAX_PROPS_BYTES } from '@waymark/schema';
import type { Loose } from './toProduct.ts';
import { utf8Bytes } from './utf8Bytes.ts';

/** The JSON of props that fit, made while measuring them: the queue puts it in the event's JSON as is. */
export const propsJson = new WeakMap<object, string>();

/**
 * Props within the collector's 8 KiB: long product lists are cut (the first products
 * are the ones shown first); props still too large are refused (undefined).
 */
export function fitProps(props: Loose): Loose | undefined {
  let fitted = props;
  for (;;) {
    const json = JSON.stringify(fitted);
    if (utf8Bytes(json) <= MAX_PROPS_BYTES) {
      propsJson.set(fitted, json);
      return fitted;
    }
    const key = ['products', 'items'].find((key) => fitted[key]?.length > 1);
    if (!key) return undefined;
    fitted = { ...fitted, [key]: fitted[key].slice(0, fitted[key].length >> 1) };
  }
}
