/** `part / whole` to four decimals, or null when the whole is zero (no rate, rather than a fake 0). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
