/**
 * The text of an element as a shopper reads it: without the labels themes hide for screen
 * readers (`<span class="visually-hidden">Collection: </span>`,
 * `screen-reader-text`, Bootstrap's `sr-only`).
 */
export function visibleText(element: Element | null): string | undefined {
  const copy = element?.cloneNode(true) as Element | undefined;
  copy?.querySelectorAll('.visually-hidden,.sr-only,.screen-reader-text,[hidden]').forEach((hidden) => hidden.remove());
  return copy?.textContent ?? undefined;
}
