// Test fixture for the v2 query guard: Unkey's tables (schema.ts) in a chdb session of a temp
// directory, holding raw verifications of two workspaces (plus some older than the retention window)
// and aggregates rolled up from them by ClickHouse itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'chdb';
import { guardQuery, type GuardContext } from '../emulator/unkey/query-guard';
import { CREATE_TABLES } from '../emulator/unkey/schema';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
export const RETENTION_DAYS = 30;

export interface RawRow {
  request_id: string;
  time: number;
  workspace_id: string;
  key_space_id: string;
  identity_id: string;
  external_id: string;
  key_id: string;
  region: string;
  outcome: string;
  tags: string[];
  spent_credits: number;
  latency: number;
}

type KeyIdentity = Pick<RawRow, 'key_id' | 'key_space_id' | 'identity_id' | 'external_id'>;

const KEYS_A: KeyIdentity[] = [
  { key_id: 'key_a1', key_space_id: 'ks_a1', identity_id: 'id_a_u1', external_id: 'user_1' },
  { key_id: 'key_a2', key_space_id: 'ks_a1', identity_id: 'id_a_u2', external_id: 'user_2' },
  { key_id: 'key_a3', key_space_id: 'ks_a2', identity_id: '', external_id: '' },
];
// Workspace b has an identity with the same external id: resolving it must stay in the caller's workspace.
const KEYS_B: KeyIdentity[] = [{ key_id: 'key_b1', key_space_id: 'ks_b1', identity_id: 'id_b_u1', external_id: 'user_1' }];
const OUTCOMES = ['VALID', 'VALID', 'RATE_LIMITED', 'VALID', 'USAGE_EXCEEDED', 'VALID', 'DISABLED', 'VALID', 'NOT_FOUND'];
const TAGS = [[], ['path=/v1'], ['path=/v1', 'region=eu'], ['region=eu']];

function verifications(workspace: string, keys: KeyIdentity[], count: number, newest: number, step: number, prefix: string): RawRow[] {
  return Array.from({ length: count }, (_, i) => ({
    request_id: `${prefix}_${i}`,
    time: newest - i * step,
    workspace_id: workspace,
    ...(keys[i % keys.length] as KeyIdentity),
    region: 'eu-west-1',
    outcome: OUTCOMES[i % OUTCOMES.length] as string,
    tags: TAGS[i % TAGS.length] as string[],
    spent_credits: i % 3,
    latency: 5 + (i % 10) / 2,
  }));
}

export const RAW_ROWS: readonly RawRow[] = [
  ...verifications('ws_a', KEYS_A, 240, NOW - 60_000, 17 * 60_000, 'req_a'),
  ...verifications('ws_a', KEYS_A, 6, NOW - 40 * DAY, HOUR, 'req_a_old'),
  ...verifications('ws_b', KEYS_B, 60, NOW - 90_000, 23 * 60_000, 'req_b'),
];

/** Workspace a's rows inside the retention window: all a query of workspace a may see. */
export const RECENT_A: readonly RawRow[] = RAW_ROWS.filter((r) => r.workspace_id === 'ws_a' && r.time >= NOW - RETENTION_DAYS * DAY);

export const CTX: GuardContext = {
  workspaceId: 'ws_a',
  resolveApiId: (apiId) => ({ api_a1: 'ks_a1', api_a2: 'ks_a2' } as Record<string, string>)[apiId],
  resolveExternalId: (externalId) => ({ user_1: 'id_a_u1', user_2: 'id_a_u2' } as Record<string, string>)[externalId],
  retentionDays: RETENTION_DAYS,
  now: NOW,
  maxRows: 10_000,
};

export const floorHour = (ms: number): number => ms - (ms % HOUR);
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function sumBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const AGGREGATES: [table: string, bucket: string][] = [
  ['key_verifications_per_minute_v3', 'toStartOfMinute(fromUnixTimestamp64Milli(time))'],
  ['key_verifications_per_hour_v3', 'toStartOfHour(fromUnixTimestamp64Milli(time))'],
  ['key_verifications_per_day_v3', 'toDate(fromUnixTimestamp64Milli(time))'],
  ['key_verifications_per_month_v3', 'toStartOfMonth(fromUnixTimestamp64Milli(time))'],
];

export interface GuardFixture {
  /** Guards `sql` (CTX with `ctx` over it), runs it, returns its rows; a refusal fails the test. */
  run(sql: string, ctx?: Partial<GuardContext>): Record<string, unknown>[];
  /** Raw rows stored for a workspace, read directly. */
  countAll(workspace: string): number;
  close(): void;
}

export async function openGuardFixture(): Promise<GuardFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'keyscope-guard-'));
  const session = new Session(dir, {
    connectionArgs: ['--session_timezone=UTC', '--output_format_json_quote_64bit_integers=0'],
  });
  for (const statement of CREATE_TABLES) session.query(statement);
  const values = RAW_ROWS.map((row) => JSON.stringify(row)).join('\n');
  await session.insert({ table: 'key_verifications_raw_v2', values, format: 'JSONEachRow' });
  for (const [table, bucket] of AGGREGATES) {
    session.query(`INSERT INTO ${table} SELECT ${bucket} AS bucket, workspace_id, key_space_id, identity_id, external_id, key_id,
      outcome, tags, count(), sum(spent_credits), avg(latency), quantile(0.75)(latency), quantile(0.99)(latency)
      FROM key_verifications_raw_v2 GROUP BY bucket, workspace_id, key_space_id, identity_id, external_id, key_id, outcome, tags`);
  }
  const select = (sql: string): Record<string, unknown>[] =>
    (JSON.parse(session.query(sql, 'JSON')) as { data: Record<string, unknown>[] }).data;
  return {
    run(sql, ctx) {
      const result = guardQuery(sql, { ...CTX, ...ctx });
      if (!result.ok) throw new Error(`refused (${result.status}): ${result.detail}\n${sql}`);
      return select(result.sql);
    },
    countAll(workspace) {
      return Number(select(`SELECT count() AS n FROM key_verifications_raw_v2 WHERE workspace_id = '${workspace}'`)[0]?.n);
    },
    close() {
      session.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
