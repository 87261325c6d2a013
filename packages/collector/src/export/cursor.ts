/** A position in the `(ts, id)` order of a site's events. */
export interface Position {
  ts: number;
  id: string;
}

const CURSOR_TEXT = /^(\d{1,16}):([A-Za-z0-9_-]{1,64})$/;

/** The opaque `cursor` of a next-page link: base64url of `ts:id`, the last row of the page. */
export function encodeCursor(position: Position): string {
  return btoa(`${position.ts}:${position.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The position of a cursor, or undefined when it is not one this collector made. */
export function decodeCursor(cursor: string): Position | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return undefined;
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  const match = CURSOR_TEXT.exec(text);
  return match ? { ts: Number(match[1]), id: match[2]! } : undefined;
}
