// The ClickHouse query behind v1 analytics.getVerifications, built like Unkey's v1 route built it
// (same tables, sumIf columns, WITH FILL), with the seed pages' time rules where they differ:
// - start and end are truncated to the hour; a day or month slice counts when it holds that hour,
//   so a month series starting mid-month still shows the whole first month (seed page 004);
// - the series is zero-filled from the first slice up to, not including, the slice holding `end`
//   (ClickHouse WITH FILL … TO is exclusive); that last slice appears only when it has data;
// - several tags are a logical OR (the seed page), several keyIds are summed.
import type { V1VerificationParams } from './v1-params';
import { sqlString } from './context';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

type Granularity = 'hour' | 'day' | 'month';

const TABLES: Record<Granularity, string> = {
  hour: 'key_verifications_per_hour_v3',
  day: 'key_verifications_per_day_v3',
  month: 'key_verifications_per_month_v3',
};

const OUTCOME_COLUMNS = [
  "sumIf(count, outcome = 'VALID') AS valid",
  "sumIf(count, outcome = 'NOT_FOUND') AS notFound",
  "sumIf(count, outcome = 'FORBIDDEN') AS forbidden",
  "sumIf(count, outcome = 'USAGE_EXCEEDED') AS usageExceeded",
  "sumIf(count, outcome = 'RATE_LIMITED') AS rateLimited",
  "sumIf(count, outcome = 'UNAUTHORIZED') AS unauthorized",
  "sumIf(count, outcome = 'DISABLED') AS disabled",
  "sumIf(count, outcome = 'INSUFFICIENT_PERMISSIONS') AS insufficientPermissions",
  "sumIf(count, outcome = 'EXPIRED') AS expired",
  'sum(count) AS total',
];

export interface V1Scope {
  workspaceId: string;
  keySpaceId: string;
  identityId: string | undefined;
}

export function sliceStart(ms: number, granularity: Granularity): number {
  if (granularity === 'hour') return Math.floor(ms / HOUR_MS) * HOUR_MS;
  if (granularity === 'day') return Math.floor(ms / DAY_MS) * DAY_MS;
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function literal(ms: number, granularity: Granularity): string {
  if (granularity === 'hour') return `toDateTime(${ms / 1000})`;
  return `toDate('${new Date(ms).toISOString().slice(0, 10)}')`;
}

export function granularityOf(groupBy: readonly string[]): Granularity | undefined {
  if (groupBy.includes('month')) return 'month';
  if (groupBy.includes('day')) return 'day';
  if (groupBy.includes('hour')) return 'hour';
  return undefined;
}

export function buildV1Sql(params: V1VerificationParams, scope: V1Scope): string {
  const granularity = granularityOf(params.groupBy);
  const table = TABLES[granularity ?? 'hour'];
  const slice = granularity ?? 'hour';
  const from = sliceStart(sliceStart(params.start, 'hour'), slice);
  const to = sliceStart(sliceStart(params.end, 'hour'), slice);

  const select = [...OUTCOME_COLUMNS];
  const groupBy: string[] = [];
  const where = [
    `workspace_id = ${sqlString(scope.workspaceId)}`,
    `key_space_id = ${sqlString(scope.keySpaceId)}`,
    `time >= ${literal(from, slice)}`,
    `time <= ${literal(to, slice)}`,
  ];
  if (granularity) {
    select.push('time');
    groupBy.push('time');
  }
  if (scope.identityId !== undefined) where.push(`identity_id = ${sqlString(scope.identityId)}`);
  if (params.keyIds.length > 0) where.push(`key_id IN (${params.keyIds.map(sqlString).join(', ')})`);
  if (params.tags.length > 0) where.push(`hasAny(tags, [${params.tags.map(sqlString).join(', ')}]::Array(String))`);
  if (params.groupBy.includes('key')) {
    select.push('key_id AS keyId');
    groupBy.push('key_id');
  }
  if (params.groupBy.includes('identity')) {
    select.push('identity_id AS identityId');
    where.push("identity_id != ''");
    groupBy.push('identity_id');
  }
  if (params.groupBy.includes('tags')) {
    select.push('tags');
    groupBy.push('tags');
  }
  if (params.groupBy.includes('tag')) {
    select.push('arrayJoin(tags) AS tag');
    groupBy.push('tag');
  }

  const lines = [`SELECT ${select.join(', ')}`, `FROM ${table}`, `WHERE ${where.join('\n  AND ')}`];
  if (groupBy.length > 0) lines.push(`GROUP BY ${groupBy.join(', ')}`);
  const groupColumns = ['keyId', 'identityId', 'tags', 'tag'].filter((column) => select.some((item) => item === column || item.endsWith(` AS ${column}`)));
  if (granularity) {
    // Within a slice the busiest group comes first (seed page 004's per-key-per-day example).
    const fill = `WITH FILL FROM ${literal(from, slice)} TO ${literal(to, slice)} STEP INTERVAL 1 ${granularity.toUpperCase()}`;
    lines.push(`ORDER BY ${[`time ASC ${fill}`, ...(groupColumns.length > 0 ? ['total DESC', ...groupColumns] : [])].join(', ')}`);
  }
  let sql = lines.join('\n');
  if (params.orderBy !== undefined || params.limit !== undefined) {
    const outer = [`SELECT * FROM (\n${sql}\n)`];
    if (params.orderBy !== undefined) {
      // Ties break the same way on every run; Unkey's own order among ties is unspecified.
      const ties = [...(granularity ? ['time'] : []), ...groupColumns].filter((column) => column !== params.orderBy);
      outer.push(`ORDER BY ${[`${params.orderBy} ${params.order.toUpperCase()}`, ...ties].join(', ')}`);
    }
    if (params.limit !== undefined) outer.push(`LIMIT ${params.limit}`);
    sql = outer.join('\n');
  }
  // One thread: groups come back in the same order on every run.
  return `${sql}\nSETTINGS max_threads = 1`;
}
