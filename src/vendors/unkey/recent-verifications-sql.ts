// One key's raw verifications (the public key_verifications_v1 table, `time` in Unix ms), newest first,
// one row more than the page so the answer itself says whether older rows exist. Only columns and
// operators the query parser allows; literals are escaped by sqlString.
import type { CheckedRecentQuery } from './recent-verifications-query';
import { sqlString } from './v2-sql';

export function buildRecentVerificationsSql(query: CheckedRecentQuery): string {
  const where = [`key_id = ${sqlString(query.keyId)}`];
  if (query.apiId !== undefined) where.push(`api_id = ${sqlString(query.apiId)}`);
  if (query.before !== undefined) {
    const { time, requestId } = query.before;
    where.push(`(time < ${time} OR (time = ${time} AND request_id < ${sqlString(requestId)}))`);
  }
  return [
    'SELECT request_id, time, key_id, outcome, region, tags',
    'FROM key_verifications_v1',
    `WHERE ${where.join(' AND ')}`,
    'ORDER BY time DESC, request_id DESC',
    `LIMIT ${query.limit + 1}`,
  ].join('\n');
}
