/** DOM helpers of the journey map's flow views: report values are set as text, never parsed as markup. */
const SVG = 'http://www.w3.org/2000/svg';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string | number): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

export function svg(tag: string, attrs: Record<string, string | number> = {}, text?: string | number): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

export function clear<T extends Element>(node: T): T {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

export const number = new Intl.NumberFormat('en');

/** A count with its noun, singular for one: 1 visit, 3 visits, 1 abandoned cart. */
export const count = (n: number, noun: string): string => `${number.format(n)} ${n === 1 ? noun : `${noun}s`}`;
const percentFormat = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

export function percent(value: number | null): string {
  return value === null ? '–' : percentFormat.format(value);
}

/** A signed change against the previous period: "+3", "−2", "±0"; "new" when there was nothing before. */
export function delta(now: number, before: number | undefined): string {
  if (before === undefined) return 'new';
  const change = now - before;
  return change > 0 ? `+${number.format(change)}` : change < 0 ? `−${number.format(-change)}` : '±0';
}

/** A duration in the largest unit that keeps it readable: 45 s, 12 min, 3.5 h, 2.1 days. */
export function duration(ms: number | null): string {
  if (ms === null) return '–';
  const seconds = ms / 1000;
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 360) / 10} h`;
  return `${Math.round(seconds / 8640) / 10} days`;
}

export function label(type: string): string {
  return type.replace(/_/g, ' ');
}
