/**
 * A price or amount as a number. Shops print them as they like: `"19.99"`, `"19,99"`
 * (Shopify's `og:price:amount` in most of Europe), `"1.234,56"`, `"$1,234.56"`,
 * `"19.99 EUR"`. The last `.` or `,` followed by 1–2 digits at the end is the decimal point.
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value == 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value != 'string') return undefined;
  const digits = value.replace(/[^\d.,-]/g, '');
  const decimal = /[.,](\d{1,2})$/.exec(digits);
  const whole = (decimal ? digits.slice(0, decimal.index) : digits).replace(/[.,]/g, '');
  const number = parseFloat(whole + (decimal ? '.' + decimal[1] : ''));
  return Number.isFinite(number) ? number : undefined;
}
