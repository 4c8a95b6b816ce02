// ai/GetDailyAggregates as CL:GetDailyAggregates describes it: Limit (default 100, at most 1000), both
// id cursors (EndingBefore wins and turns the order to descending), ProductId, and Start / End as
// yyyy-MM-dd days, both inclusive on `date`. Rows come from the activity (daily-aggregates-seed.ts).
import { json, type EmulatorResponse } from '../vendor';
import type { CryptolensActivity } from './activity';
import type { CryptolensData } from './data';
import type { DailyAggregateRow } from './daily-aggregates-seed';
import { ACCESS_DENIED, END_FORMAT, failure, INCORRECT_INPUT, PRODUCT_NOT_FOUND, START_FORMAT } from './errors';
import { day, int32, type ReceivedParams } from './params';
import type { TokenGrant } from './tokens';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

export function answerDailyAggregates(params: ReceivedParams, grant: TokenGrant, data: CryptolensData, activity: () => CryptolensActivity): EmulatorResponse {
  // Rows are per product: a token locked to one key may not see its neighbours' counts.
  if (grant.lockedKeyId !== undefined) return failure(ACCESS_DENIED, 403);
  const limit = int32(params, 'Limit');
  const startingAfter = int32(params, 'StartingAfter');
  const endingBefore = int32(params, 'EndingBefore');
  const productId = int32(params, 'ProductId');
  const version = int32(params, 'v');
  if ([limit, startingAfter, endingBefore, productId, version].includes(null)) return failure(INCORRECT_INPUT);
  if (limit != null && (limit < 1 || limit > MAX_LIMIT)) return failure(INCORRECT_INPUT);
  const startSec = day(params, 'Start');
  if (startSec === null) return failure(START_FORMAT);
  const endSec = day(params, 'End');
  if (endSec === null) return failure(END_FORMAT);
  if (productId != null && !data.products.some((product) => product.id === productId)) return failure(PRODUCT_NOT_FOUND);

  const start = startSec === undefined ? undefined : isoDate(startSec);
  const end = endSec === undefined ? undefined : isoDate(endSec);
  const matches = (row: DailyAggregateRow): boolean =>
    (productId == null || row.productId === productId) && (start === undefined || row.date >= start) && (end === undefined || row.date <= end);
  const rows = activity().aggregates;
  const max = limit ?? DEFAULT_LIMIT;
  const out: DailyAggregateRow[] = [];
  if (endingBefore != null) {
    for (let index = rows.length - 1; index >= 0 && out.length < max; index--) {
      const row = rows[index] as DailyAggregateRow;
      if (row.id < endingBefore && matches(row)) out.push(row);
    }
  } else {
    for (const row of rows) {
      if (out.length >= max) break;
      if ((startingAfter == null || row.id > startingAfter) && matches(row)) out.push(row);
    }
  }
  return json(200, { aggregates: out, result: 0, message: null });
}

/** Unix seconds of a UTC midnight → yyyy-MM-dd, which orders as the days do. */
function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
