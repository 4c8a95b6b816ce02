// The parameters of ai/GetDailyAggregates, checked before anything is sent. Limit, the id cursors,
// ProductId, Start / End and v follow the same rules as the summaries' (query.ts); here Start and End
// bound `date` and both are inclusive, so a start after the end is refused.
import { InvalidRequestError, type RequestContext } from '../../http/errors';
import { prepareQuery, type PageDirection, type PreparedQuery } from './query';

export interface DailyAggregateQuery {
  /** 1..1000; when omitted nothing is sent and the vendor's default (100) applies. */
  limit?: number;
  /** Forward cursor: rows with a greater id, ascending. */
  startingAfter?: number | string;
  /** Backward cursor: rows with a smaller id, descending. Wins over startingAfter, as at the vendor. */
  endingBefore?: number | string;
  /** Page backward from the newest row when no endingBefore is given. */
  direction?: PageDirection;
  productId?: number;
  /** The first UTC day, yyyy-MM-dd (a Date is read as its UTC day). */
  start?: string | Date;
  /** The last UTC day, included. */
  end?: string | Date;
  v?: number;
}

/** What was asked, to check the rows that come back against it. */
export interface PreparedDailyQuery extends PreparedQuery {
  productId: number | undefined;
  start: string | undefined;
  end: string | undefined;
}

export function prepareDailyAggregateQuery(context: RequestContext, query: DailyAggregateQuery): PreparedDailyQuery {
  // Only this method's fields are passed on: a stray keyId must not become a KeyId parameter.
  const { limit, startingAfter, endingBefore, direction, productId, start, end, v } = query;
  const prepared = prepareQuery(context, { limit, startingAfter, endingBefore, direction, productId, start, end, v }, false);
  const startDay = prepared.params.get('Start') ?? undefined;
  const endDay = prepared.params.get('End') ?? undefined;
  if (startDay !== undefined && endDay !== undefined && startDay > endDay) {
    throw new InvalidRequestError(context, `start ${startDay} is after end ${endDay}: the range holds no day`);
  }
  const product = prepared.params.get('ProductId');
  return { ...prepared, productId: product === null ? undefined : Number(product), start: startDay, end: endDay };
}
