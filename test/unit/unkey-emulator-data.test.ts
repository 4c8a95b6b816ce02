// The Unkey emulator's seeded data: the shape the brief and the seed pages ask for, the aggregate
// tables agreeing with each other and with the raw rows, and the same data on every run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SMALL_SCALE } from '../emulator/scale';
import { createUnkeyEmulator, type UnkeyEmulator } from '../emulator/unkey/emulator';
import { RAW_WINDOW_HOURS } from '../emulator/unkey/seed-verifications';
import { HOUR } from './unkey-harness';

const NOW = Date.UTC(2025, 5, 15, 12, 30, 0);

describe('Unkey emulator data', () => {
  let unkey: UnkeyEmulator;
  const one = async <T>(sql: string): Promise<T> => {
    const { rows } = await unkey.store.query<T>(sql);
    assert.equal(rows.length, 1);
    return rows[0] as T;
  };
  const sums = async (table: string, bucket: string): Promise<string> =>
    JSON.stringify(
      (
        await unkey.store.query(`SELECT ${bucket} AS b, key_id, outcome, tags, sum(count) AS n FROM ${table}
          WHERE workspace_id = '${unkey.workspaceId}' GROUP BY b, key_id, outcome, tags ORDER BY b, key_id, outcome, tags`)
      ).rows,
    );

  before(async () => {
    const started = Date.now();
    unkey = await createUnkeyEmulator({ scale: SMALL_SCALE, seed: 1, now: NOW });
    assert.ok(Date.now() - started < 10_000, `SMALL_SCALE loads in a few seconds (took ${Date.now() - started} ms)`);
  });
  after(() => unkey.close());

  it('seeds the APIs, keys and identities the scale asks for', () => {
    const { apis, identities } = unkey.workspace;
    // The scale's APIs, then the key-health API (health-keys.ts).
    assert.equal(apis.length, SMALL_SCALE.unkeyApis + 1);
    assert.equal(apis.at(-1)?.id, unkey.health.apiId);
    assert.deepEqual(unkey.apiIds, apis.map((api) => api.id));
    assert.equal(apis[0]?.keys.length, SMALL_SCALE.unkeyKeys);
    for (const api of apis.slice(1)) assert.ok(api.keys.length < SMALL_SCALE.unkeyKeys);
    for (const api of apis) {
      assert.match(api.id, /^api_\w+$/);
      assert.match(api.keySpaceId, /^ks_\w+$/);
      assert.notEqual(api.keySpaceId, api.id);
      for (const key of api.keys) {
        assert.match(key.id, /^key_\w+$/);
        assert.ok(key.start.length > 0 && key.createdAt < NOW);
      }
      assert.deepEqual(api.keys.map((key) => key.id), [...api.keys.map((key) => key.id)].sort(), 'keys sorted by id');
    }
    const keys = apis.flatMap((api) => api.keys);
    assert.ok(keys.some((key) => key.identity) && keys.some((key) => !key.identity));
    assert.ok(keys.some((key) => !key.enabled) && keys.some((key) => key.expires !== undefined) && keys.some((key) => key.remaining !== undefined));
    for (const identity of identities) {
      assert.match(identity.id, /^id_\w+$/);
      assert.match(identity.externalId, /^user_\w+$/);
    }
  });

  it('hourly history covers unkeyDays before now, sparsely, with a realistic outcome mix and tags', async () => {
    const span = await one<{ first: number; last: number; hours: number; pairs: number }>(`
      SELECT toUnixTimestamp(min(time)) * 1000 AS first, toUnixTimestamp(max(time)) * 1000 AS last,
        uniqExact(time) AS hours, uniqExact(key_id, time) AS pairs
      FROM key_verifications_per_hour_v3 WHERE workspace_id = '${unkey.workspaceId}'`);
    assert.ok(span.last < NOW && span.last >= NOW - 2 * HOUR);
    assert.ok(span.first >= NOW - SMALL_SCALE.unkeyDays * 24 * HOUR - HOUR);
    const keys = unkey.workspace.apis.reduce((sum, api) => sum + api.keys.length, 0);
    assert.ok(span.pairs < keys * span.hours * 0.5, 'not every key every hour');
    const outcomes = await unkey.store.query<{ outcome: string; n: number }>(`
      SELECT toString(outcome) AS outcome, sum(count) AS n FROM key_verifications_per_hour_v3
      WHERE workspace_id = '${unkey.workspaceId}' GROUP BY outcome ORDER BY n DESC`);
    assert.equal(outcomes.rows[0]?.outcome, 'VALID');
    assert.ok(outcomes.rows.length >= 8, 'most outcomes occur');
    const tagged = await one<{ share: number }>(`SELECT sumIf(count, length(tags) > 0) / sum(count) AS share FROM key_verifications_per_hour_v3 WHERE workspace_id = '${unkey.workspaceId}'`);
    assert.ok(tagged.share > 0.1 && tagged.share < 0.9);
  });

  it('day and month tables are the hourly counts summed', async () => {
    assert.equal(await sums('key_verifications_per_day_v3', 'toDate(time)'), await sums('key_verifications_per_hour_v3', 'toDate(time)'));
    assert.equal(await sums('key_verifications_per_month_v3', 'toStartOfMonth(time)'), await sums('key_verifications_per_hour_v3', 'toStartOfMonth(time)'));
  });

  it(`raw rows (one per verification) and minute rows cover the last ${RAW_WINDOW_HOURS} hours and agree with the hourly table`, async () => {
    const from = (Math.floor((NOW - 1) / HOUR) - RAW_WINDOW_HOURS + 1) * HOUR;
    const raw = await one<{ first: number; last: number; n: number }>(`
      SELECT min(time) AS first, max(time) AS last, count() AS n FROM key_verifications_raw_v2 WHERE workspace_id = '${unkey.workspaceId}'`);
    assert.ok(raw.first >= from && raw.last < NOW && raw.n > 1000);
    const window = `WHERE workspace_id = '${unkey.workspaceId}'`;
    const hourly = await unkey.store.query(`SELECT toUnixTimestamp(time) * 1000 AS h, key_id, outcome, tags, count AS n FROM key_verifications_per_hour_v3
      ${window} AND time >= toDateTime(${from / 1000}) ORDER BY h, key_id, outcome, tags`);
    const fromRaw = await unkey.store.query(`SELECT intDiv(time, ${HOUR}) * ${HOUR} AS h, key_id, outcome, tags, count() AS n FROM key_verifications_raw_v2
      ${window} GROUP BY h, key_id, outcome, tags ORDER BY h, key_id, outcome, tags`);
    assert.deepEqual(fromRaw.rows, hourly.rows);
    const minute = await one<{ n: number }>(`SELECT sum(count) AS n FROM key_verifications_per_minute_v3 ${window}`);
    assert.equal(minute.n, raw.n);
    const ids = await one<{ unique: number }>(`SELECT uniqExact(request_id) AS unique FROM key_verifications_raw_v2 ${window}`);
    assert.equal(ids.unique, raw.n, 'one request id per verification');
  });

  it('seeds the same data for the same seed, other data for another seed', async () => {
    const fingerprint = async (emulator: UnkeyEmulator): Promise<string> =>
      JSON.stringify([
        emulator.workspace.apis.map((api) => api.keys.map((key) => key.id)),
        (await emulator.store.query(`SELECT sum(count) AS n, sum(cityHash64(key_id, time, outcome) * count) AS h FROM key_verifications_per_hour_v3 WHERE workspace_id = '${emulator.workspaceId}'`)).rows,
      ]);
    const again = await createUnkeyEmulator({ scale: SMALL_SCALE, seed: 1, now: NOW });
    const other = await createUnkeyEmulator({ scale: SMALL_SCALE, seed: 2, now: NOW });
    try {
      assert.equal(await fingerprint(again), await fingerprint(unkey));
      assert.notEqual(await fingerprint(other), await fingerprint(unkey));
    } finally {
      await again.close();
      await other.close();
    }
  });
});
