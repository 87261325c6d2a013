/**
 * A price or amount as a number. Shops print them as they like: `"19.99"`, `"19,99"`
 * (`og:price:amount` in most of Europe), `"1.234,56"`, `"$1,234.56"`,
 * `"19.99 EUR"`, and unrounded `"185.130001"`
 * (a platform's float bug). The last `.` or `,` is the decimal
 * point, unless exactly three digits follow it and no separator of the other kind comes
 * before it (`"1,234"`, `"1.234.567"`: thousands). Text is rounded to 3 decimals.
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value == 'string') {
    const digits = value.replace(/[^\d.,-]/g, '');
    const last = /([.,])(\d*)$/.exec(digits);
    const head = last ? digits.slice(0, last.index) : digits;
    const decimal = last && (last[2]!.length != 3 || head.includes(last[1] == '.' ? ',' : '.'));
    value = Math.round(parseFloat((decimal ? head : digits).replace(/[.,]/g, '') + (decimal ? '.' + last[2] : '')) * 1000) / 1000;
  }
  return typeof value == 'number' && Number.isFinite(value) ? value : undefined;
}
