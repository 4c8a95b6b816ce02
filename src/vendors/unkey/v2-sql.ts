// A VerificationQuery as one ClickHouse SELECT over Unkey's public aggregate tables, using only
// functions Unkey's query parser allows, and answering exactly what v1 answered for the same
// parameters (slices, zero fill, order, limit). One query per call: Unkey meters v2 queries.
import type { Outcome } from '../model';
import type { GroupBy } from './types';
import type { CheckedQuery, Granularity } from './v2-query';
import { isoDate, sliceStart, truncateToHour } from './v2-time';

/** How each model outcome is stored in the `outcome` column. */
export const STORED_OUTCOME: Readonly<Record<Outcome, string>> = {
  valid: 'VALID',
  rateLimited: 'RATE_LIMITED',
  usageExceeded: 'USAGE_EXCEEDED',
  disabled: 'DISABLED',
  expired: 'EXPIRED',
  forbidden: 'FORBIDDEN',
  unauthorized: 'UNAUTHORIZED',
  notFound: 'NOT_FOUND',
  insufficientPermissions: 'INSUFFICIENT_PERMISSIONS',
};

const TABLES: Readonly<Record<Granularity, string>> = {
  hour: 'key_verifications_per_hour_v1',
  day: 'key_verifications_per_day_v1',
  month: 'key_verifications_per_month_v1',
};

/** Group columns in the order v1 breaks ties by: key, identity, tag combination, tag. */
const GROUP_COLUMNS: readonly { group: GroupBy; select: string; columns: readonly string[] }[] = [
  { group: 'key', select: 'key_id', columns: ['key_id'] },
  { group: 'identity', select: 'identity_id, external_id', columns: ['identity_id', 'external_id'] },
  { group: 'tags', select: 'tags', columns: ['tags'] },
  { group: 'tag', select: 'arrayJoin(tags) AS tag', columns: ['tag'] },
];

const COUNT_ALIASES = [...Object.keys(STORED_OUTCOME), 'total'];

/**
 * A ClickHouse string literal that no input can break out of: backslash and quote are escaped,
 * control characters written as \xHH.
 */
export function sqlString(value: string): string {
  const escaped = Array.from(value, (char) => {
    if (char === '\\' || char === "'") return `\\${char}`;
    const code = char.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : char;
  });
  return `'${escaped.join('')}'`;
}

export function buildVerificationSql(query: CheckedQuery): string {
  const granularity = query.granularity;
  const groups = GROUP_COLUMNS.filter(({ group }) => query.groupBy.has(group));
  const groupColumns = groups.flatMap(({ columns }) => columns);
  const select = [...groups.map((group) => group.select), ...countColumns()];
  const where = [`api_id = ${sqlString(query.apiId)}`, ...timeFilter(query)];
  if (query.externalId !== undefined) where.push(`external_id = ${sqlString(query.externalId)}`);
  if (query.keyIds.length > 0) where.push(`(${query.keyIds.map((id) => `key_id = ${sqlString(id)}`).join(' OR ')})`);
  if (query.tags.length > 0) where.push(`hasAny(tags, [${query.tags.map(sqlString).join(', ')}])`);
  // v1 leaves out verifications of keys without an identity when grouping by identity.
  if (query.groupBy.has('identity')) where.push("identity_id != ''");
  const from = `FROM ${TABLES[granularity ?? 'hour']}\nWHERE ${where.join(' AND ')}`;
  const groupBy = [...(granularity ? ['time'] : []), ...groupColumns];
  const order = orderBy(query, granularity ? 'slice_ms' : undefined, groupColumns);
  const limit = query.limit !== undefined ? [`LIMIT ${query.limit}`] : [];

  if (!granularity) {
    return [`SELECT ${select.join(', ')}`, from, ...(groupBy.length > 0 ? [`GROUP BY ${groupBy.join(', ')}`] : []), ...order, ...limit].join('\n');
  }
  // The series is zero-filled like v1's (WITH FILL, whose TO is exclusive), then sorted and cut.
  const inner = [
    `SELECT time, ${select.join(', ')}`,
    from,
    `GROUP BY ${groupBy.join(', ')}`,
    `ORDER BY time ASC ${fillClause(query, granularity)}`,
  ].join('\n');
  const outer = ["toUnixTimestamp64Milli(toDateTime64(time, 3, 'UTC')) AS slice_ms", ...groupColumns, ...COUNT_ALIASES];
  return [`SELECT ${outer.join(', ')}`, `FROM (\n${inner}\n)`, ...order, ...limit].join('\n');
}

function countColumns(): string[] {
  const columns = Object.entries(STORED_OUTCOME).map(([alias, stored]) => `sumIf(count, outcome = ${sqlString(stored)}) AS ${alias}`);
  return [...columns, 'sum(count) AS total'];
}

/** The first and last slice counted: those holding `start` and `end`, each truncated to the hour. */
function sliceRange(query: CheckedQuery, granularity: Granularity): { from: number; to: number } {
  return {
    from: sliceStart(truncateToHour(query.start), granularity),
    to: sliceStart(truncateToHour(query.end), granularity),
  };
}

// `time` is DateTime on the hourly table and Date on the daily and monthly ones; date literals say
// which days count without depending on any server time zone.
function timeFilter(query: CheckedQuery): string[] {
  const granularity = query.granularity ?? 'hour';
  const { from, to } = sliceRange(query, granularity);
  if (granularity === 'hour') {
    return [`time >= fromUnixTimestamp64Milli(${from})`, `time <= fromUnixTimestamp64Milli(${to})`];
  }
  return [`time >= toDate('${isoDate(from)}')`, `time <= toDate('${isoDate(to)}')`];
}

function fillClause(query: CheckedQuery, granularity: Granularity): string {
  const { from, to } = sliceRange(query, granularity);
  const bound = (ms: number): string => (granularity === 'hour' ? `toDateTime(${ms / 1000})` : `toDate('${isoDate(ms)}')`);
  return `WITH FILL FROM ${bound(from)} TO ${bound(to)} STEP INTERVAL 1 ${granularity.toUpperCase()}`;
}

/**
 * v1's order: the asked column first, ties by time and then group columns ascending; without
 * orderBy, time ascending and within a slice the busiest group first.
 */
function orderBy(query: CheckedQuery, time: string | undefined, groupColumns: readonly string[]): string[] {
  const asked = orderTerm(query);
  const ascending = (column: string): string => `${column} ASC`;
  const terms = asked
    ? [`${asked} ${query.order.toUpperCase()}`, ...[...(time ? [time] : []), ...groupColumns].filter((column) => column !== asked).map(ascending)]
    : [...(time ? [ascending(time)] : []), ...(groupColumns.length > 0 ? ['total DESC'] : []), ...groupColumns.map(ascending)];
  return terms.length > 0 ? [`ORDER BY ${terms.join(', ')}`] : [];
}

/** The row alias to sort by; `time` means the slice start. */
export function orderTerm(query: CheckedQuery): string | undefined {
  if (query.orderBy === undefined) return undefined;
  return query.orderBy === 'time' ? 'slice_ms' : query.orderBy;
}
