// Verification history generated inside ClickHouse from the seeded keys: deterministic (sipHash64 of
// the seed, key and hour stands in for a PRNG) and fast enough for millions of rows.
// Hourly rows come first; the daily and monthly tables are sums of them, and raw rows (one per
// verification) plus per-minute rows exist only for the last RAW_WINDOW_HOURS, so the raw table
// stays small while every table agrees with every other over the time it covers. Roll-ups group by
// key (its key space and identity never change) and a hash of the tags: far cheaper than the columns.
import type { WorkspaceRecord } from './model';
import type { UnkeyStore } from './store';

const HOUR_MS = 3_600_000;
export const RAW_WINDOW_HOURS = 24;

/** Tag combinations attached to verifications; most carry none. A key keeps its tags for a day per outcome. */
export const TAG_COMBOS: readonly (readonly string[])[] = [
  [],
  [],
  [],
  ['env:production'],
  ['env:production', 'region:eu-west-1'],
  ['env:staging'],
  ['plan:pro'],
  ['plan:pro', 'env:production'],
  ['route:/v1/search'],
];

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-1'];

/** Traffic by UTC hour of day: busiest mid-afternoon, quietest before dawn. */
const DIURNAL = `[${Array.from({ length: 24 }, (_, hour) => (0.65 + 0.35 * Math.sin(((hour - 9) * Math.PI) / 12)).toFixed(3)).join(',')}]`;

/** The hours with history: the last is the hour holding `now - 1 ms`. */
export function historyHours(now: number, days: number): { first: number; last: number; count: number } {
  const last = Math.floor((now - 1) / HOUR_MS) * HOUR_MS;
  const count = days * 24;
  return { first: last - (count - 1) * HOUR_MS, last, count };
}

export async function seedVerifications(
  store: UnkeyStore,
  workspace: WorkspaceRecord,
  options: { seed: number; now: number; days: number },
): Promise<void> {
  await store.exec(`CREATE TABLE seed_keys (
    key_id String, key_space_id String, identity_id String, external_id String,
    weight Float64, created_at Int64, disabled_at Int64, expires Int64, has_credits UInt8
  ) ENGINE = Memory`);
  await store.insert(
    'seed_keys',
    workspace.apis.flatMap((api) =>
      api.keys.map((key) => ({
        key_id: key.id,
        key_space_id: key.keySpaceId,
        identity_id: key.identity?.id ?? '',
        external_id: key.identity?.externalId ?? '',
        weight: key.weight,
        created_at: key.createdAt,
        disabled_at: key.disabledAt ?? 0,
        expires: key.expires ?? 0,
        has_credits: key.remaining === undefined ? 0 : 1,
      })),
    ),
  );
  const hours = historyHours(options.now, options.days);
  await store.exec(hourlySql(workspace.id, options.seed, hours.first / 1000, hours.count));
  await store.exec('DROP TABLE seed_keys');
  const rawFrom = hours.last - (RAW_WINDOW_HOURS - 1) * HOUR_MS;
  await store.exec(rawSql(workspace.id, options.seed, rawFrom, options.now));
  await store.exec(minuteSql(workspace.id));
}

/** Daily and monthly tables as sums of the hourly one (run once, after every workspace's hours). */
export async function rollUpAggregates(store: UnkeyStore): Promise<void> {
  await store.exec(rollUpSql('key_verifications_per_hour_v3', 'key_verifications_per_day_v3', 'toDate(time)'));
  // Sums of the daily sums: the same numbers, from fewer rows.
  await store.exec(rollUpSql('key_verifications_per_day_v3', 'key_verifications_per_month_v3', 'toStartOfMonth(time)'));
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function hourlySql(workspaceId: string, seed: number, firstSec: number, count: number): string {
  const combos = `[${TAG_COMBOS.map((tags) => `[${tags.map(quote).join(',')}]::Array(String)`).join(', ')}]`;
  return `
INSERT INTO key_verifications_per_hour_v3
WITH
  pairs AS (
    SELECT k.*, ${firstSec} + h.number * 3600 AS hs, sipHash64(${seed}, k.key_id, h.number) AS r
    FROM seed_keys AS k CROSS JOIN numbers(${count}) AS h
    WHERE hs * 1000 >= k.created_at
  ),
  active AS (
    SELECT *, toInt64(1 + bitShiftRight(r, 20) % toUInt64(greatest(1, 4 * weight))) AS n,
      disabled_at > 0 AND hs * 1000 >= disabled_at AS is_disabled,
      expires > 0 AND hs * 1000 >= expires AS is_expired
    FROM pairs
    WHERE (r % 10000) < least(9500, 350 * weight * arrayElement(${DIURNAL}, 1 + intDiv(hs % 86400, 3600)))
  ),
  mixed AS (
    SELECT *,
      if(is_disabled OR is_expired, 0, least(n, if(bitShiftRight(r, 36) % 5 = 0, intDiv(n * toInt64(bitShiftRight(r, 40) % 35), 100) + 1, 0))) AS rl,
      if(is_disabled OR is_expired OR has_credits = 0, 0, least(n - rl, if(bitShiftRight(r, 44) % 4 = 0, intDiv(n * toInt64(bitShiftRight(r, 46) % 40), 100), 0))) AS ue,
      if(is_disabled OR is_expired, 0, least(n - rl - ue, if(bitShiftRight(r, 50) % 40 = 0, 1 + toInt64(bitShiftRight(r, 52) % 3), 0))) AS fb,
      if(is_disabled OR is_expired, 0, least(n - rl - ue - fb, if(bitShiftRight(r, 54) % 70 = 0, 1, 0))) AS ua,
      if(is_disabled OR is_expired, 0, least(n - rl - ue - fb - ua, if(bitShiftRight(r, 56) % 60 = 0, 1 + toInt64(bitShiftRight(r, 58) % 2), 0))) AS ip,
      if(is_disabled OR is_expired, 0, least(n - rl - ue - fb - ua - ip, if(bitShiftRight(r, 59) % 150 = 0, 1, 0))) AS nf
    FROM active
  )
SELECT
  toDateTime(hs) AS time, ${quote(workspaceId)} AS workspace_id, key_space_id, identity_id, external_id, key_id,
  o.1 AS outcome,
  arrayElement(${combos}, 1 + sipHash64(${seed}, key_id, intDiv(hs, 86400), o.1) % ${TAG_COMBOS.length}) AS tags,
  o.2 AS count,
  if(o.1 = 'VALID' AND has_credits = 1, o.2, 0) AS spent_credits,
  5 + (r % 400) / 10 AS latency_avg, latency_avg * 1.4 AS latency_p75, latency_avg * 3.2 AS latency_p99
FROM mixed
ARRAY JOIN arrayFilter(x -> x.2 > 0, [
  ('VALID', if(is_disabled OR is_expired, 0, n - rl - ue - fb - ua - ip - nf)),
  ('RATE_LIMITED', rl), ('USAGE_EXCEEDED', ue), ('FORBIDDEN', fb), ('UNAUTHORIZED', ua),
  ('INSUFFICIENT_PERMISSIONS', ip), ('NOT_FOUND', nf),
  ('DISABLED', if(is_disabled, greatest(1, intDiv(n, 3)), 0)),
  ('EXPIRED', if(is_expired AND NOT is_disabled, greatest(1, intDiv(n, 3)), 0))
]) AS o`;
}

function rawSql(workspaceId: string, seed: number, fromMs: number, now: number): string {
  const regions = `[${REGIONS.map(quote).join(',')}]`;
  return `
INSERT INTO key_verifications_raw_v2
SELECT
  concat('req_', lower(hex(sipHash64(${seed}, key_id, time, outcome, tags, i)))) AS request_id,
  toInt64(toUnixTimestamp(time)) * 1000
    + toInt64(sipHash64(${seed} + 1, key_id, time, outcome, tags, i) % toUInt64(least(${HOUR_MS}, ${now} - toInt64(toUnixTimestamp(time)) * 1000))) AS time,
  workspace_id, key_space_id, identity_id, external_id, key_id,
  arrayElement(${regions}, 1 + sipHash64(key_id, i) % ${REGIONS.length}) AS region,
  outcome, tags,
  if(spent_credits > 0, 1, 0) AS spent_credits,
  latency_avg * (0.5 + (sipHash64(i, key_id) % 100) / 100) AS latency
FROM (
  SELECT * FROM key_verifications_per_hour_v3
  WHERE workspace_id = ${quote(workspaceId)} AND time >= toDateTime(${fromMs / 1000})
)
ARRAY JOIN range(toUInt64(count)) AS i`;
}

function minuteSql(workspaceId: string): string {
  return `
INSERT INTO key_verifications_per_minute_v3
SELECT toStartOfMinute(toDateTime(intDiv(time, 1000))) AS minute, workspace_id, any(key_space_id), any(identity_id), any(external_id),
  key_id, outcome, any(tags), count() AS count, sum(spent_credits), avg(latency), quantileTDigest(0.75)(latency), max(latency)
FROM key_verifications_raw_v2
WHERE workspace_id = ${quote(workspaceId)}
GROUP BY minute, workspace_id, key_id, outcome, cityHash64(tags)`;
}

function rollUpSql(source: string, table: string, bucket: string): string {
  return `
INSERT INTO ${table}
SELECT ${bucket} AS bucket, workspace_id, any(key_space_id), any(identity_id), any(external_id), key_id, outcome, any(tags),
  sum(count), sum(spent_credits), sum(latency_avg * count) / sum(count), max(latency_p75), max(latency_p99)
FROM ${source}
GROUP BY bucket, workspace_id, key_id, outcome, cityHash64(tags)`;
}
