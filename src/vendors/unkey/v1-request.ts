// Checks a VerificationQuery against the v1 reference (seed page 002) before sending, and writes it as
// v1's query string: repeated keyId/tag/groupBy, Unix ms timestamps.
import { InvalidRequestError, type RequestContext } from '../../http/errors';
import { isTimestamp, textList } from './query-checks';
import { GROUP_BY, ORDER_BY, type VerificationQuery } from './types';

const TIME_GROUPS = ['hour', 'day', 'month'];

export function v1VerificationParams(context: RequestContext, query: VerificationQuery): URLSearchParams {
  const fail = (detail: string): never => {
    throw new InvalidRequestError(context, detail);
  };
  if (typeof query !== 'object' || query === null) fail('the query is missing');
  if (typeof query.apiId !== 'string' || query.apiId.trim() === '') fail('apiId is required');
  if (!isTimestamp(query.start)) fail('start must be a Unix timestamp in milliseconds');
  if (query.end !== undefined) {
    if (!isTimestamp(query.end)) fail('end must be a Unix timestamp in milliseconds');
    if (query.start >= query.end) fail('start cannot be equal or greater than end');
  }
  const groupBy = [...new Set(query.groupBy ?? [])];
  for (const group of groupBy) {
    if (!(GROUP_BY as readonly string[]).includes(group)) fail(`groupBy has an unknown value: ${String(group)}`);
  }
  if (groupBy.includes('tag') && groupBy.includes('tags')) fail('groupBy cannot combine tag and tags');
  if (query.limit !== undefined && (!Number.isSafeInteger(query.limit) || query.limit <= 1)) {
    fail('limit must be an integer greater than 1');
  }
  if (query.orderBy !== undefined) {
    if (!(ORDER_BY as readonly string[]).includes(query.orderBy)) fail(`orderBy has an unknown value: ${String(query.orderBy)}`);
    // Unkey v1 fails with a 500 when asked to sort by a time it did not group by.
    if (query.orderBy === 'time' && !groupBy.some((group) => TIME_GROUPS.includes(group))) {
      fail('orderBy time needs groupBy hour, day or month');
    }
  }
  if (query.order !== undefined && query.order !== 'asc' && query.order !== 'desc') fail('order must be asc or desc');
  if (query.externalId !== undefined && (typeof query.externalId !== 'string' || query.externalId === '')) {
    fail('externalId must be a non-empty string');
  }
  const keyIds = textList(query.keyIds, 'keyIds', fail);
  const tags = textList(query.tags, 'tags', fail);

  const params = new URLSearchParams({ apiId: query.apiId, start: String(query.start) });
  if (query.end !== undefined) params.set('end', String(query.end));
  if (query.externalId !== undefined) params.set('externalId', query.externalId);
  for (const keyId of keyIds) params.append('keyId', keyId);
  for (const tag of tags) params.append('tag', tag);
  for (const group of groupBy) params.append('groupBy', group);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.orderBy !== undefined) params.set('orderBy', query.orderBy);
  if (query.order !== undefined) params.set('order', query.order);
  return params;
}
