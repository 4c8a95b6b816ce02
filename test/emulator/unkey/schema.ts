// Unkey's public analytics tables, named and typed like the aliases its v2 query API exposes.
// The emulator stores rows in the real tables below; a v2 query names only the public aliases,
// which the query guard maps to these tables scoped to the caller's workspace.

export const PUBLIC_TABLES = {
  key_verifications_v1: 'key_verifications_raw_v2',
  key_verifications_per_minute_v1: 'key_verifications_per_minute_v3',
  key_verifications_per_hour_v1: 'key_verifications_per_hour_v3',
  key_verifications_per_day_v1: 'key_verifications_per_day_v3',
  key_verifications_per_month_v1: 'key_verifications_per_month_v3',
} as const;
export type PublicTable = keyof typeof PUBLIC_TABLES;

/** Outcome values as stored (v1 JSON uses camelCase names for the same outcomes). */
export const STORED_OUTCOMES = [
  'VALID',
  'RATE_LIMITED',
  'USAGE_EXCEEDED',
  'DISABLED',
  'EXPIRED',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'INSUFFICIENT_PERMISSIONS',
] as const;

const RAW_COLUMNS = `
  request_id String,
  time Int64,
  workspace_id String,
  key_space_id String,
  identity_id String,
  external_id String,
  key_id String,
  region LowCardinality(String),
  outcome LowCardinality(String),
  tags Array(String),
  spent_credits Int64,
  latency Float64`;

function aggregateColumns(timeType: 'DateTime' | 'Date'): string {
  return `
  time ${timeType},
  workspace_id String,
  key_space_id String,
  identity_id String,
  external_id String,
  key_id String,
  outcome LowCardinality(String),
  tags Array(String),
  count Int64,
  spent_credits Int64,
  latency_avg Float64,
  latency_p75 Float64,
  latency_p99 Float64`;
}

export const CREATE_TABLES: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS key_verifications_raw_v2 (${RAW_COLUMNS}) ENGINE = MergeTree ORDER BY (workspace_id, key_space_id, time)`,
  `CREATE TABLE IF NOT EXISTS key_verifications_per_minute_v3 (${aggregateColumns('DateTime')}) ENGINE = MergeTree ORDER BY (workspace_id, key_space_id, time)`,
  `CREATE TABLE IF NOT EXISTS key_verifications_per_hour_v3 (${aggregateColumns('DateTime')}) ENGINE = MergeTree ORDER BY (workspace_id, key_space_id, time)`,
  `CREATE TABLE IF NOT EXISTS key_verifications_per_day_v3 (${aggregateColumns('Date')}) ENGINE = MergeTree ORDER BY (workspace_id, key_space_id, time)`,
  `CREATE TABLE IF NOT EXISTS key_verifications_per_month_v3 (${aggregateColumns('Date')}) ENGINE = MergeTree ORDER BY (workspace_id, key_space_id, time)`,
];
