// Raw verification rows → one page of KeyVerificationEvent, newest first. The rows are sorted again
// (a wrapping subquery or gateway need not keep ORDER BY) and then checked: every row of the key asked
// for, strictly older than the cursor, none twice — so paging can fail but never repeat or loop.
import * as z from 'zod/mini';
import { ResponseFormatError, type RequestContext } from '../../http/errors';
import { validate } from '../../http/json';
import { plainText } from '../../text/untrusted';
import type { Outcome, Page } from '../model';
import type { KeyVerificationEvent } from '../model-activity';
import { encodeCursor, type CheckedRecentQuery, type VerificationCursor } from './recent-verifications-query';
import { STORED_OUTCOME } from './v2-sql';
import { unwrapVerifications } from './v2-schemas';

// Int64 ms: a JSON number, or a digit string when a server quotes 64-bit integers.
const millis = z.union([
  z.int().check(z.nonnegative(), z.maximum(8.64e15)),
  z.pipe(
    z.pipe(z.string().check(z.regex(/^\d{1,16}$/, 'expected Unix milliseconds')), z.transform((text: string) => Number(text))),
    z.number().check(z.maximum(8.64e15, 'time out of range')),
  ),
]);

const rawRowSchema = z.object({
  request_id: z.string().check(z.minLength(1)),
  time: millis,
  key_id: z.string(),
  outcome: z.string(),
  region: z.string(),
  tags: z.array(z.string()),
});
type RawRow = z.infer<typeof rawRowSchema>;

const responseSchema = z.object({
  meta: z.optional(z.object({ requestId: z.string() })),
  data: z.pipe(z.transform(unwrapVerifications), z.array(rawRowSchema)),
});

const OUTCOME_OF_STORED = new Map<string, Outcome>(Object.entries(STORED_OUTCOME).map(([outcome, stored]) => [stored, outcome as Outcome]));

export function toRecentVerificationsPage(context: RequestContext, body: unknown, query: CheckedRecentQuery): Page<KeyVerificationEvent> {
  const rows = validate(context, responseSchema, body).data;
  rows.forEach((row, index) => {
    if (row.key_id !== query.keyId) throw new ResponseFormatError(context, `data[${index}] is a verification of another key`);
  });
  const ordered = rows.map((row) => ({ row, at: { time: row.time, requestId: row.request_id } })).sort((a, b) => compare(b.at, a.at));
  let previous = query.before;
  for (const { row, at } of ordered) {
    if (previous !== undefined && compare(at, previous) >= 0) {
      throw new ResponseFormatError(context, `verification ${plainText(row.request_id, 60)} is not older than the one before it: the page would repeat rows`);
    }
    previous = at;
  }
  const page = ordered.slice(0, query.limit);
  const last = page[page.length - 1];
  const items = page.map(({ row }) => toEvent(row));
  // The query asked for one row more than the page: its presence says older rows exist.
  return ordered.length > query.limit && last ? { items, nextCursor: encodeCursor(last.at) } : { items };
}

function toEvent(row: RawRow): KeyVerificationEvent {
  return {
    vendor: 'unkey',
    requestId: row.request_id,
    keyId: row.key_id,
    time: row.time,
    outcome: OUTCOME_OF_STORED.get(row.outcome),
    outcomeCode: plainText(row.outcome, 60),
    region: row.region,
    tags: row.tags,
  };
}

/** (time, request_id) order; ClickHouse compares strings byte by byte (UTF-8). */
function compare(a: VerificationCursor, b: VerificationCursor): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return Buffer.compare(Buffer.from(a.requestId), Buffer.from(b.requestId));
}
