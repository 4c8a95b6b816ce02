// The seed page 004 scenarios ("User's usage over the past 24h", "Daily usage of a user per key"…).
// The page says they "don't build upon each other", and their numbers cannot all hold in one data
// set (e.g. the tags breakdown totals 74 verifications where the top identity alone has 73, and the
// month total for user_123 is 1.36 billion), so each scenario gets a workspace of its own, each with
// `api_123`, identity `user_123` and the page's keys. With `now` = PAGE_004_NOW the page's queries
// return the rows the page shows. These workspaces hold aggregate rows only (hour, and day/month
// rolled up from it): counts like 1.36 billion cannot be stored one row per verification.
import type { ApiRecord, IdentityRecord, KeyRecord, WorkspaceRecord } from './model';
import type { UnkeyStore } from './store';

/** The page's `end`: 2025-01-13 09:21:27 UTC. */
export const PAGE_004_NOW = 1_736_760_087_000;

export const FIXTURE_SCENARIOS = ['hourly', 'keyDaily', 'monthly', 'billingPeriod', 'topIdentities', 'tagFilter', 'keyFilter', 'tags'] as const;
export type FixtureScenario = (typeof FIXTURE_SCENARIOS)[number];

type Outcomes = Partial<Record<'VALID' | 'RATE_LIMITED' | 'USAGE_EXCEEDED' | 'DISABLED' | 'EXPIRED' | 'FORBIDDEN', number>>;
interface Cell {
  /** "2025-01-12 09" (UTC hour). */
  hour: string;
  key: string;
  outcomes: Outcomes;
  tags?: string[];
}

const YS = 'key_2zeYsLbpULnEUsvYeFGMeJzACp4j';
const VI = 'key_2zeViCGkJpu5zQ8G12jcBoXWy4KH';
const K123 = 'key_123';
const ANON = 'key_3bKm9PqR7sTuVwXyZa2b';

const IDENTITIES: IdentityRecord[] = [
  { id: 'id_123', externalId: 'user_123' },
  { id: 'id_456', externalId: 'user_6dg' },
  ...['k2p', 'm8w', 'q4r', 'r7t', 's1v', 't9x', 'u3z', 'v5b', 'w6c'].map((tail, index) => ({
    id: `id_${700 + index}`,
    externalId: `user_${tail}`,
  })),
];
const OTHER_KEYS = IDENTITIES.slice(2).map((identity, index) => `key_4${'abcdefghi'[index]}Nq8Lm2Xc5Vb7Zr9Tw3Ys1Hd`);

function fixtureWorkspace(scenario: FixtureScenario): WorkspaceRecord {
  const workspaceId = `ws_page004_${scenario}`;
  const api: ApiRecord = { id: 'api_123', name: 'api_123', keySpaceId: 'ks_7XyP3vQ9a1b2', workspaceId, keys: [] };
  const key = (id: string, start: string, identity: IdentityRecord | undefined, createdAt: number): KeyRecord => ({
    id, start, apiId: api.id, keySpaceId: api.keySpaceId, workspaceId, enabled: true, createdAt, weight: 1,
    ...(identity ? { identity } : {}),
  });
  const [user123, user6dg] = IDENTITIES;
  api.keys.push(
    { ...key(YS, 'sk_2zeY', user123, Date.UTC(2024, 9, 1)), name: 'user_123 production' },
    { ...key(VI, 'sk_2zeV', user123, Date.UTC(2024, 10, 3)), name: 'user_123 staging', remaining: 1200 },
    key(K123, 'sk_1230', user6dg, Date.UTC(2024, 8, 12)),
    { ...key(ANON, 'sk_3bKm', undefined, Date.UTC(2024, 7, 30)), name: 'internal probe' },
    ...OTHER_KEYS.map((id, index) => key(id, `sk_4${'abcdefghi'[index]}Nq`, IDENTITIES[index + 2], Date.UTC(2024, 10, 10 + index))),
  );
  api.keys.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { id: workspaceId, apis: [api], identities: IDENTITIES };
}

function hoursOf(from: string, count: number): string[] {
  const start = Date.parse(`${from.replace(' ', 'T')}:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 3_600_000).toISOString().slice(0, 13).replace('T', ' '));
}

/** `total` spread evenly over hours (the first hours take the remainder). */
function spread(hours: string[], key: string, outcome: keyof Outcomes, total: number): Cell[] {
  const each = Math.floor(total / hours.length);
  const extra = total % hours.length;
  return hours.map((hour, i) => ({ hour, key, outcomes: { [outcome]: each + (i < extra ? 1 : 0) } }));
}

const CELLS: Record<FixtureScenario, () => Cell[]> = {
  hourly: () => [
    { hour: '2025-01-12 08', key: YS, outcomes: { VALID: 4000 } },
    { hour: '2025-01-12 09', key: YS, outcomes: { VALID: 9125, USAGE_EXCEEDED: 1225 } },
    { hour: '2025-01-12 09', key: VI, outcomes: { VALID: 6000 } },
    { hour: '2025-01-12 10', key: VI, outcomes: { VALID: 765 } },
    ...hoursOf('2025-01-12 11', 21).map((hour, i) => ({ hour, key: i % 3 === 0 ? VI : YS, outcomes: { VALID: 300 + ((i * 137) % 900), ...(i % 5 === 2 ? { RATE_LIMITED: 12 + i } : {}) } })),
    { hour: '2025-01-13 08', key: YS, outcomes: { VALID: 20016 } },
    { hour: '2025-01-13 08', key: VI, outcomes: { EXPIRED: 51 } },
    { hour: '2025-01-13 09', key: ANON, outcomes: { VALID: 40 } },
    { hour: '2025-01-13 09', key: K123, outcomes: { VALID: 11 } },
  ],
  keyDaily: () => [
    { hour: '2024-12-13 20', key: YS, outcomes: { VALID: 7 } },
    ...hoursOf('2024-12-14 12', 30 * 24)
      .filter((_, i) => i % 24 === 0)
      .flatMap((hour, day): Cell[] => [
        ...(day % 2 === 0 ? [{ hour, key: YS, outcomes: { VALID: 10 + day, ...(day % 6 === 0 ? { RATE_LIMITED: 3 } : {}) } }] : []),
        ...(day % 3 === 0 ? [{ hour, key: VI, outcomes: { VALID: 4 + (day % 5) } }] : []),
      ]),
    { hour: '2025-01-13 02', key: YS, outcomes: { VALID: 8, RATE_LIMITED: 10 } },
    { hour: '2025-01-13 03', key: VI, outcomes: { VALID: 5, USAGE_EXCEEDED: 6 } },
    { hour: '2025-01-13 05', key: YS, outcomes: { VALID: 5 } },
    { hour: '2025-01-13 06', key: K123, outcomes: { VALID: 9 } },
  ],
  monthly: () => [
    { hour: '2024-11-30 12', key: YS, outcomes: { VALID: 1000 } },
    ...spread(hoursOf('2024-12-01 00', 31 * 24), YS, 'VALID', 1_356_136_098),
    ...spread(hoursOf('2024-12-01 00', 31 * 24), VI, 'RATE_LIMITED', 925_255),
    { hour: '2025-01-05 10', key: K123, outcomes: { VALID: 300 } },
  ],
  billingPeriod: () => [
    ...hoursOf('2024-12-14 16', 28 * 24)
      .filter((_, i) => i % 24 === 0)
      .map((hour, day) => ({ hour, key: day % 2 === 0 ? YS : VI, outcomes: { VALID: 40_000 + ((day * 7919) % 60_000), RATE_LIMITED: (day * 131) % 5000 } })),
    { hour: '2025-01-11 10', key: YS, outcomes: { VALID: 50_000, RATE_LIMITED: 3000 } },
    { hour: '2025-01-11 15', key: VI, outcomes: { VALID: 48_267, RATE_LIMITED: 3816 } },
    { hour: '2025-01-12 09', key: YS, outcomes: { VALID: 20_125, RATE_LIMITED: 2525 } },
    { hour: '2025-01-12 18', key: VI, outcomes: { DISABLED: 6261 } },
    { hour: '2025-01-13 02', key: K123, outcomes: { VALID: 77 } },
  ],
  topIdentities: () => [
    { hour: '2024-12-20 10', key: YS, outcomes: { VALID: 30, FORBIDDEN: 3 } },
    { hour: '2025-01-02 14', key: VI, outcomes: { VALID: 24, USAGE_EXCEEDED: 6, RATE_LIMITED: 10 } },
    { hour: '2024-12-18 09', key: K123, outcomes: { VALID: 24, FORBIDDEN: 1 } },
    { hour: '2025-01-09 17', key: K123, outcomes: { USAGE_EXCEEDED: 32, RATE_LIMITED: 10 } },
    ...[60, 55, 48, 40, 33, 27, 20, 12, 5].map((total, i) => ({
      hour: `2025-01-${String(3 + i).padStart(2, '0')} 11`,
      key: OTHER_KEYS[i] ?? ANON,
      outcomes: { VALID: total - (i % 3), ...(i % 3 ? { RATE_LIMITED: i % 3 } : {}) },
    })),
    { hour: '2024-12-13 08', key: OTHER_KEYS[8] ?? ANON, outcomes: { VALID: 100 } },
    { hour: '2025-01-07 12', key: ANON, outcomes: { VALID: 500 } },
  ],
  tagFilter: () => [
    { hour: '2024-12-13 08', key: YS, outcomes: { VALID: 4 }, tags: ['myTag'] },
    { hour: '2024-12-20 10', key: YS, outcomes: { VALID: 3 }, tags: ['myTag'] },
    { hour: '2025-01-05 12', key: VI, outcomes: { VALID: 2 }, tags: ['myTag', 'checkout'] },
    { hour: '2025-01-06 12', key: VI, outcomes: { VALID: 7 }, tags: ['checkout'] },
    { hour: '2025-01-07 12', key: K123, outcomes: { VALID: 20, RATE_LIMITED: 2 } },
  ],
  keyFilter: () => [
    { hour: '2024-12-13 08', key: K123, outcomes: { VALID: 9 } },
    { hour: '2024-12-22 10', key: K123, outcomes: { VALID: 8, RATE_LIMITED: 4 } },
    { hour: '2025-01-08 16', key: K123, outcomes: { VALID: 6, RATE_LIMITED: 6 } },
    { hour: '2025-01-08 16', key: YS, outcomes: { VALID: 30 } },
  ],
  tags: () => [
    { hour: '2024-12-13 08', key: YS, outcomes: { VALID: 9 }, tags: ['a', 'z'] },
    { hour: '2024-12-19 10', key: YS, outcomes: { VALID: 30, FORBIDDEN: 3 }, tags: [] },
    { hour: '2024-12-27 13', key: K123, outcomes: { VALID: 20, USAGE_EXCEEDED: 6, RATE_LIMITED: 10 }, tags: [] },
    { hour: '2025-01-03 09', key: VI, outcomes: { VALID: 1 }, tags: ['a', 'b'] },
    { hour: '2025-01-04 09', key: VI, outcomes: { VALID: 2 }, tags: ['a', 'c'] },
    { hour: '2025-01-05 09', key: YS, outcomes: { VALID: 2 }, tags: ['a'] },
  ],
};

/** Inserts every scenario's hourly rows; the caller rolls up the day and month tables. */
export async function seedFixtures(store: UnkeyStore): Promise<Record<FixtureScenario, WorkspaceRecord>> {
  const workspaces = {} as Record<FixtureScenario, WorkspaceRecord>;
  const rows: Record<string, unknown>[] = [];
  for (const scenario of FIXTURE_SCENARIOS) {
    const workspace = fixtureWorkspace(scenario);
    workspaces[scenario] = workspace;
    const api = workspace.apis[0] as ApiRecord;
    const keys = new Map(api.keys.map((key) => [key.id, key]));
    for (const cell of CELLS[scenario]()) {
      const key = keys.get(cell.key);
      for (const [outcome, count] of Object.entries(cell.outcomes)) {
        rows.push({
          time: `${cell.hour}:00:00`,
          workspace_id: workspace.id,
          key_space_id: api.keySpaceId,
          identity_id: key?.identity?.id ?? '',
          external_id: key?.identity?.externalId ?? '',
          key_id: cell.key,
          outcome,
          tags: cell.tags ?? [],
          count,
          spent_credits: 0,
          latency_avg: 12,
          latency_p75: 18,
          latency_p99: 40,
        });
      }
    }
  }
  await store.insert('key_verifications_per_hour_v3', rows);
  return workspaces;
}
