// Cursor paging as Cryptolens does it: no total, no hasMore; a page shorter than Limit is the last.
// Rows are checked to lie strictly beyond the cursor in the page's direction, so a misbehaving server
// can make iteration fail but never repeat a row or loop forever.
import { ResponseFormatError, type RequestContext } from '../../http/errors';
import type { Page } from '../model';
import type { PageDirection, PreparedQuery, SummaryQuery } from './query';

export interface CursorPage<T> extends Page<T> {
  direction: PageDirection;
  /** Continue in the same direction: pass as startingAfter (forward) or endingBefore (backward). */
  nextCursor?: string;
  /**
   * Go the other way from this page's first row: pass as endingBefore (after a forward page) or
   * startingAfter (after a backward page). Absent on a page that started at either end.
   */
  previousCursor?: string;
}

export function toCursorPage<T>(
  context: RequestContext,
  items: T[],
  idOf: (item: T) => number,
  prepared: PreparedQuery,
): CursorPage<T> {
  const forward = prepared.direction === 'forward';
  let previous = prepared.cursor;
  for (const item of items) {
    const id = idOf(item);
    if (previous !== undefined && (forward ? id <= previous : id >= previous)) {
      throw new ResponseFormatError(
        context,
        `rows out of order on a ${prepared.direction} page: id ${id} after ${previous}`,
      );
    }
    previous = id;
  }
  const first = items[0];
  const last = items[items.length - 1];
  const page: CursorPage<T> = { items, direction: prepared.direction };
  if (last !== undefined && items.length >= prepared.limit) page.nextCursor = String(idOf(last));
  if (first !== undefined && prepared.cursor !== undefined) page.previousCursor = String(idOf(first));
  return page;
}

/** Every page from `query` on, in its direction, one request each, stopping after a short page. */
export async function* followCursor<T, Q extends SummaryQuery>(
  query: Q,
  fetchPage: (query: Q) => Promise<CursorPage<T>>,
): AsyncGenerator<CursorPage<T>, void, undefined> {
  let next: Q = query;
  for (;;) {
    const page = await fetchPage(next);
    yield page;
    if (page.nextCursor === undefined) return;
    next =
      page.direction === 'backward'
        ? { ...query, startingAfter: undefined, endingBefore: page.nextCursor }
        : { ...query, startingAfter: page.nextCursor };
  }
}
