// Rows of our v2 SELECT as the slices v1 would have answered with, in v1's order.
import { ResponseFormatError, type RequestContext } from '../../http/errors';
import { outcomeCounts, type OutcomeCounts, type VerificationSlice } from '../model';
import type { CheckedQuery } from './v2-query';
import type { VerificationRow } from './v2-schemas';
import { orderTerm } from './v2-sql';

export function toSlices(context: RequestContext, rows: readonly VerificationRow[], query: CheckedQuery): VerificationSlice[] {
  const slices = rows.map((row, index) => toSlice(context, row, index, query));
  sortSlices(slices, query);
  return slices;
}

// Zero-fill rows of a grouped series carry empty group values (key "", identity "", tag ""): those
// slices belong to no group, and say so by leaving the field out, as the v1 mapping does.
function toSlice(context: RequestContext, row: VerificationRow, index: number, query: CheckedQuery): VerificationSlice {
  const need = <T>(value: T | undefined, column: string): T => {
    if (value === undefined) {
      throw new ResponseFormatError(context, `unexpected response: field data[${index}].${column}: missing`);
    }
    return value;
  };
  const slice: VerificationSlice = { outcomes: outcomeCounts(row) };
  if (query.granularity) slice.time = need(row.slice_ms, 'slice_ms');
  if (query.groupBy.has('key')) {
    const keyId = need(row.key_id, 'key_id');
    if (keyId !== '') slice.keyId = keyId;
  }
  if (query.groupBy.has('identity')) {
    const id = need(row.identity_id, 'identity_id');
    if (id !== '') slice.identity = { id, externalId: need(row.external_id, 'external_id') };
  }
  if (query.groupBy.has('tags')) slice.tags = need(row.tags, 'tags');
  if (query.groupBy.has('tag')) {
    const tag = need(row.tag, 'tag');
    if (tag !== '') slice.tag = tag;
  }
  return slice;
}

/**
 * The order the SQL asked for, applied again: a gateway or a wrapping subquery need not keep it.
 * Asked column first, then time and the group columns ascending; without orderBy, time ascending and
 * the busiest group first within a slice.
 */
function sortSlices(slices: VerificationSlice[], query: CheckedQuery): void {
  const asked = orderTerm(query);
  const direction = query.order === 'desc' ? -1 : 1;
  const value = (slice: VerificationSlice): number =>
    asked === 'slice_ms' ? (slice.time ?? 0) : slice.outcomes[asked as keyof OutcomeCounts];
  const groups = (a: VerificationSlice, b: VerificationSlice): number =>
    compareText(a.keyId, b.keyId) ||
    compareText(a.identity?.id, b.identity?.id) ||
    compareText(a.identity?.externalId, b.identity?.externalId) ||
    compareLists(a.tags, b.tags) ||
    compareText(a.tag, b.tag);
  const time = (a: VerificationSlice, b: VerificationSlice): number => (a.time ?? 0) - (b.time ?? 0);
  slices.sort((a, b) =>
    asked !== undefined
      ? (value(a) - value(b)) * direction || time(a, b) || groups(a, b)
      : time(a, b) || b.outcomes.total - a.outcomes.total || groups(a, b),
  );
}

/** ClickHouse compares strings byte by byte (UTF-8), which is code point order, not UTF-16 order. */
function compareText(a = '', b = ''): number {
  if (a === b) return 0;
  if (/[\ud800-\uffff]/.test(a) || /[\ud800-\uffff]/.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : 1;
}

function compareLists(a: readonly string[] = [], b: readonly string[] = []): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareText(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
