import { toNumber } from '../../lib/toNumber.ts';
import { bodyFields } from '../../lib/bodyFields.ts';
import { normaliseProps } from '../../lib/normaliseProps.ts';
import { toProduct, type Loose } from '../../lib/toProduct.ts';

const NUMBERS = /^(?:price|value|revenue|shipping|tax|quantity|rating)$/;
const PRODUCT_TYPES = /^(?:product_view|cart_add|cart_remove|wishlist_add)$/;
/** The fields of a marked form that may leave: never its e-mail, names, address, phone or password. */
const FORM_FIELDS = /^(?:rating|comment|about|quantity|qty|id|sku|product(?:_id)?|variant(?:_id)?)$/;

/**
 * What a `data-waymark` element says: its type, and its props from `data-waymark-*`
 * attributes (`data-waymark-order-id="123"` → `order_id`; amounts as numbers; the
 * product fields of product types inside `product`); a marked form adds the fields of
 * `FORM_FIELDS` (`<select name="rating">` of a feedback form), nothing personal. `data-waymark-stage` is the stage of a
 * custom type.
 */
export function marked(element: Element): [type: string, props: Loose] {
  const entries = Object.entries<string>(element instanceof HTMLFormElement ? bodyFields(new FormData(element)) : {}).filter(([key]) => FORM_FIELDS.test(key));
  for (const { name, value } of element.attributes) {
    const key = /^data-waymark-(.+)/.exec(name)?.[1];
    if (key) entries.push([key.replace(/-/g, '_'), value]);
  }
  const fields: Loose = {};
  for (const [key, value] of entries) fields[key] = NUMBERS.test(key) ? toNumber(value) : value;
  const type = element.getAttribute('data-waymark')!;
  return [type, PRODUCT_TYPES.test(type) ? { product: toProduct(fields) } : normaliseProps(fields)];
}

/** The page's `data-waymark` elements. */
export function markedElements(): Element[] {
  return [...document.querySelectorAll('[data-waymark]')];
}

/** The `data-waymark` element an event happened in, if any. */
export function markedTarget(event: Event): Element | null | undefined {
  return (event.target as Element | null)?.closest?.('[data-waymark]');
}
