// The v1 listKeys cursor, wrapped. Unkey v1 returns the last key's id as `cursor` even on the last
// page, so the page after it is empty: a client that trusts the cursor always pays one request too
// many. Keyscope's cursor also carries how many keys were listed before it; a page is the last when
// it is shorter than asked for, or when the keys seen reach the `total` Unkey reports, and then no
// nextCursor is given. (If keys are deleted and others created while a listing is under way, the
// count can reach `total` early; the next listing shows what this one missed.)

const PREFIX = 'ks1.';

export interface V1Cursor {
  /** Unkey's cursor (the last key id seen). */
  vendor: string;
  /** Keys listed before this cursor; undefined for a cursor that came from elsewhere. */
  seen: number | undefined;
}

export function encodeV1Cursor(cursor: V1Cursor): string {
  return cursor.seen === undefined ? cursor.vendor : `${PREFIX}${cursor.seen}.${cursor.vendor}`;
}

/** Accepts Keyscope's cursor and, as a courtesy, a bare Unkey cursor. */
export function decodeV1Cursor(text: string): V1Cursor {
  const match = /^ks1\.(\d{1,9})\.(.+)$/s.exec(text);
  return match ? { vendor: match[2] ?? '', seen: Number(match[1]) } : { vendor: text, seen: undefined };
}
