// An API of the seeded workspace that holds one key per health state (issue 13), each with a fixed
// mix of verification outcomes for every hour of the last 48 hours, so any "last 24 hours" window,
// however its edges are rounded, sees the same shares. Added after the random history is generated,
// from a PRNG stream of its own: the rest of the seed is unchanged.
import type { UnkeyStatus } from '../../../src/health/status';
import { createRandom } from '../random';
import { randomId } from './ids';
import type { ApiRecord, KeyRecord, WorkspaceRecord } from './model';
import { RAW_WINDOW_HOURS, historyHours } from './seed-verifications';
import type { UnkeyStore } from './store';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Hours of traffic per health key, ending with the hour that holds `now - 1`. */
export const HEALTH_TRAFFIC_HOURS = 48;

type Mix = Partial<Record<'VALID' | 'RATE_LIMITED' | 'USAGE_EXCEEDED' | 'DISABLED' | 'EXPIRED' | 'FORBIDDEN', number>>;

interface HealthCase {
  name: string;
  /** The word the health rules should give this key. */
  status: UnkeyStatus;
  key: (now: number) => Partial<KeyRecord>;
  /** Verifications per hour. */
  perHour: Mix;
}

export const UNKEY_HEALTH_CASES = [
  { name: 'disabled', status: 'Disabled', key: (now) => ({ enabled: false, disabledAt: now - 5 * DAY }), perHour: { DISABLED: 20 } },
  { name: 'expired', status: 'Expired', key: (now) => ({ expires: now - 3 * DAY }), perHour: { EXPIRED: 20 } },
  { name: 'noCredits', status: 'Low credits', key: () => ({ remaining: 0 }), perHour: { USAGE_EXCEEDED: 10 } },
  // 40 of 1,000 a month: below 10% of the refill.
  { name: 'fewCredits', status: 'Low credits', key: () => ({ remaining: 40, refill: { interval: 'monthly', amount: 1000, refillDay: 1 } }), perHour: { VALID: 10 } },
  // 30% RATE_LIMITED.
  { name: 'rateLimited', status: 'Rate limited', key: () => ({}), perHour: { VALID: 14, RATE_LIMITED: 6 } },
  { name: 'expiresSoon', status: 'Expires soon', key: (now) => ({ expires: now + 3 * DAY }), perHour: { VALID: 20 } },
  // 8% RATE_LIMITED (not over 10%), 14% not VALID.
  { name: 'elevatedRejections', status: 'Elevated rejections', key: () => ({}), perHour: { VALID: 43, RATE_LIMITED: 4, FORBIDDEN: 3 } },
  // Exactly 10% RATE_LIMITED, exactly 10% not VALID, exactly 10% of the refill left: none is "over".
  {
    name: 'activeAtThresholds',
    status: 'Active',
    key: (now) => ({ remaining: 100, refill: { interval: 'daily', amount: 1000 }, expires: now + 30 * DAY }),
    perHour: { VALID: 45, RATE_LIMITED: 5 },
  },
  { name: 'activeQuiet', status: 'Active', key: () => ({}), perHour: {} },
] as const satisfies readonly HealthCase[];

export type UnkeyHealthCase = (typeof UNKEY_HEALTH_CASES)[number]['name'];

export interface UnkeyHealthApi {
  apiId: string;
  /** Key id of each case. */
  cases: Readonly<Record<UnkeyHealthCase, string>>;
  /** Key ids by the status word they were seeded for. */
  byStatus: Readonly<Partial<Record<UnkeyStatus, string[]>>>;
}

export async function seedHealthApi(
  store: UnkeyStore,
  workspace: WorkspaceRecord,
  options: { seed: number; now: number },
): Promise<UnkeyHealthApi> {
  const random = createRandom((options.seed * 0x2545f491 + 13) >>> 0);
  const api: ApiRecord = {
    id: randomId(random, 'api', 16),
    name: 'key-health',
    keySpaceId: randomId(random, 'ks', 16),
    workspaceId: workspace.id,
    keys: [],
  };
  const cases = {} as Record<UnkeyHealthCase, string>;
  const byStatus: Partial<Record<UnkeyStatus, string[]>> = {};
  const mixes = new Map<string, Mix>();
  for (const [index, healthCase] of UNKEY_HEALTH_CASES.entries()) {
    const key: KeyRecord = {
      id: randomId(random, 'key'),
      start: `sk_health_${index}`,
      apiId: api.id,
      keySpaceId: api.keySpaceId,
      workspaceId: workspace.id,
      name: `health: ${healthCase.name}`,
      enabled: true,
      createdAt: options.now - 60 * DAY,
      weight: 1,
      ...healthCase.key(options.now),
    };
    api.keys.push(key);
    cases[healthCase.name] = key.id;
    (byStatus[healthCase.status] ??= []).push(key.id);
    mixes.set(key.id, healthCase.perHour);
  }
  api.keys.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  workspace.apis.push(api);
  await insertTraffic(store, api, mixes, options);
  return { apiId: api.id, cases, byStatus };
}

/** Hourly rows for the last 48 hours; raw and per-minute rows for the last 24, as for every key. */
async function insertTraffic(store: UnkeyStore, api: ApiRecord, mixes: ReadonlyMap<string, Mix>, options: { seed: number; now: number }): Promise<void> {
  const { last } = historyHours(options.now, 1);
  const rows: Record<string, unknown>[] = [];
  for (let hour = last - (HEALTH_TRAFFIC_HOURS - 1) * HOUR; hour <= last; hour += HOUR) {
    const time = new Date(hour).toISOString().slice(0, 19).replace('T', ' ');
    for (const [keyId, mix] of mixes) {
      for (const [outcome, count] of Object.entries(mix)) {
        rows.push({
          time,
          workspace_id: api.workspaceId,
          key_space_id: api.keySpaceId,
          identity_id: '',
          external_id: '',
          key_id: keyId,
          outcome,
          tags: [],
          count,
          spent_credits: outcome === 'VALID' ? count : 0,
          latency_avg: 9,
          latency_p75: 12,
          latency_p99: 30,
        });
      }
    }
  }
  await store.insert('key_verifications_per_hour_v3', rows);
  const rawFrom = last - (RAW_WINDOW_HOURS - 1) * HOUR;
  const ks = `'${api.keySpaceId}'`;
  // One raw row per verification, spread evenly over its hour and never at or after `now`.
  await store.exec(`
INSERT INTO key_verifications_raw_v2
SELECT
  concat('req_', lower(hex(sipHash64(${options.seed}, 'health', key_id, time, outcome, i)))) AS request_id,
  toInt64(toUnixTimestamp(time)) * 1000 + intDiv(toInt64(i) * least(${HOUR}, ${options.now} - toInt64(toUnixTimestamp(time)) * 1000), count) AS time,
  workspace_id, key_space_id, identity_id, external_id, key_id, 'us-east-1' AS region, outcome, tags,
  if(spent_credits > 0, 1, 0) AS spent_credits, latency_avg AS latency
FROM (SELECT * FROM key_verifications_per_hour_v3 WHERE key_space_id = ${ks} AND time >= toDateTime(${rawFrom / 1000}))
ARRAY JOIN range(toUInt64(count)) AS i`);
  await store.exec(`
INSERT INTO key_verifications_per_minute_v3
SELECT toStartOfMinute(toDateTime(intDiv(time, 1000))) AS minute, workspace_id, any(key_space_id), any(identity_id), any(external_id),
  key_id, outcome, any(tags), count() AS count, sum(spent_credits), avg(latency), quantileTDigest(0.75)(latency), max(latency)
FROM key_verifications_raw_v2
WHERE key_space_id = ${ks}
GROUP BY minute, workspace_id, key_id, outcome, cityHash64(tags)`);
}
