// KeyActivityQuery as one ClickHouse SELECT over the hourly table, using only functions Unkey's query
// parser allows. `api_id` is Unkey's virtual column: in a comparison it is resolved to the API's key
// space, so `if(api_id = 'a', 'a', …)` names each row's API without the client knowing key space ids.
import * as z from 'zod/mini';
import { ResponseFormatError, type RequestContext } from '../../http/errors';
import { OUTCOMES, outcomeCounts, type OutcomeCounts } from '../model';
import type { CheckedKeyActivity, KeyActivityRow } from './key-activity';
import { sqlString, STORED_OUTCOME } from './v2-sql';
import { countSchema } from './v2-schemas';
import { truncateToHour } from './v2-time';

const RECENT = 'recent_';

function counts(prefix: string, condition: string | undefined): string[] {
  const and = condition ? ` AND ${condition}` : '';
  const outcomes = OUTCOMES.map((outcome) => `sumIf(count, outcome = ${sqlString(STORED_OUTCOME[outcome])}${and}) AS ${prefix}${outcome}`);
  return [...outcomes, condition ? `sumIf(count, ${condition}) AS ${prefix}total` : `sum(count) AS ${prefix}total`];
}

export function buildKeyActivitySql(query: CheckedKeyActivity): string {
  const at = (ms: number): string => `fromUnixTimestamp64Milli(${truncateToHour(ms)})`;
  const api = query.apiIds.reduceRight((rest, id) => `if(api_id = ${sqlString(id)}, ${sqlString(id)}, ${rest})`, "''");
  const recent = `time >= ${at(query.recentStart)}`;
  return [
    `SELECT ${api} AS api, key_id, ${[...counts('', undefined), ...counts(RECENT, recent)].join(', ')}`,
    'FROM key_verifications_per_hour_v1',
    `WHERE api_id IN (${query.apiIds.map(sqlString).join(', ')}) AND time >= ${at(query.start)} AND time <= ${at(query.end)}`,
    'GROUP BY api, key_id',
    // Busiest first: if Unkey's row limit cuts the answer, the keys people look at most are kept.
    'ORDER BY total DESC, key_id ASC',
  ].join('\n');
}

const countColumns = (prefix: string): Record<string, typeof countSchema> =>
  Object.fromEntries([...OUTCOMES, 'total'].map((name) => [`${prefix}${name}`, countSchema]));

const keyActivityRowSchema = z.object({ api: z.string(), key_id: z.string(), ...countColumns(''), ...countColumns(RECENT) });

export const keyActivityResponseSchema = z.object({
  meta: z.optional(z.object({ requestId: z.string() })),
  data: z.array(keyActivityRowSchema),
});

type Row = z.infer<typeof keyActivityRowSchema>;

function countsOf(row: Row, prefix: string): OutcomeCounts {
  const value = (name: string): number => (row as unknown as Record<string, number | undefined>)[`${prefix}${name}`] ?? 0;
  return outcomeCounts({ ...Object.fromEntries(OUTCOMES.map((outcome) => [outcome, value(outcome)])), total: value('total') });
}

export function toKeyActivityRows(context: RequestContext, rows: readonly Row[], query: CheckedKeyActivity): KeyActivityRow[] {
  return rows.map((row, index) => {
    if (!query.apiIds.includes(row.api) || row.key_id === '') {
      throw new ResponseFormatError(context, `unexpected response: field data[${index}]: a row of no asked API or key`);
    }
    return { apiId: row.api, keyId: row.key_id, total: countsOf(row, ''), recent: countsOf(row, RECENT) };
  });
}
