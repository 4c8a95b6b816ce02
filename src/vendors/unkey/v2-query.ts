// Checks a VerificationQuery against the v1 rules before any SQL is built, and settles what the
// vendor would have defaulted (end = now, order asc), so the SQL builder only sees valid input.
import { InvalidRequestError, type RequestContext } from '../../http/errors';
import { isTimestamp, textList, type Fail } from './query-checks';
import { GROUP_BY, ORDER_BY, type GroupBy, type OrderBy, type VerificationQuery } from './types';

export type Granularity = 'hour' | 'day' | 'month';

/** A query whose every field was checked; ranges are still raw Unix ms. */
export interface CheckedQuery {
  apiId: string;
  start: number;
  end: number;
  externalId: string | undefined;
  keyIds: string[];
  tags: string[];
  groupBy: ReadonlySet<GroupBy>;
  granularity: Granularity | undefined;
  limit: number | undefined;
  orderBy: OrderBy | undefined;
  order: 'asc' | 'desc';
}

// When several are asked, v1 answers with the coarsest.
const GRANULARITIES: readonly Granularity[] = ['month', 'day', 'hour'];

export function checkVerificationQuery(context: RequestContext, query: VerificationQuery, now: number): CheckedQuery {
  const fail = (detail: string): never => {
    throw new InvalidRequestError(context, detail);
  };
  if (typeof query.apiId !== 'string' || query.apiId.trim() === '') fail('apiId is required');
  if (!isTimestamp(query.start)) fail('start must be a Unix timestamp in milliseconds');
  const end = query.end ?? now;
  if (!isTimestamp(end)) fail('end must be a Unix timestamp in milliseconds');
  if (query.start >= end) fail('start cannot be equal or greater than end');

  const groupBy = new Set<GroupBy>();
  for (const group of query.groupBy ?? []) {
    if (!(GROUP_BY as readonly string[]).includes(group)) fail(`groupBy has an unknown value: ${String(group)}`);
    groupBy.add(group);
  }
  if (groupBy.has('tag') && groupBy.has('tags')) fail('groupBy cannot combine tag and tags');

  if (query.limit !== undefined && (!Number.isInteger(query.limit) || query.limit <= 1)) {
    fail('limit must be an integer greater than 1');
  }
  if (query.orderBy !== undefined && !(ORDER_BY as readonly string[]).includes(query.orderBy)) {
    fail(`orderBy has an unknown value: ${String(query.orderBy)}`);
  }
  const granularity = GRANULARITIES.find((candidate) => groupBy.has(candidate));
  // v1 fails on this inside ClickHouse (a 500); say what is wrong before spending a query.
  if (query.orderBy === 'time' && !granularity) fail('orderBy=time needs a time groupBy (hour, day or month)');
  const order = query.order ?? 'asc';
  if (order !== 'asc' && order !== 'desc') fail('order must be asc or desc');

  return {
    apiId: query.apiId,
    start: query.start,
    end,
    externalId: optionalText(query.externalId, 'externalId', fail),
    keyIds: textList(query.keyIds, 'keyIds', fail),
    tags: textList(query.tags, 'tags', fail),
    groupBy,
    granularity,
    limit: query.limit,
    orderBy: query.orderBy,
    order,
  };
}

function optionalText(value: unknown, name: string, fail: Fail): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') fail(`${name} must be a non-empty string`);
  return value as string;
}
