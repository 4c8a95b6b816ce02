// The emulator's v2 analytics endpoint: auth and permissions, the query quota, values as Unkey's
// server writes them, workspace isolation, injected error bodies, and v2 agreeing with v1.
import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import type { Emulator } from '../emulator/server';
import type { ApiRecord } from '../emulator/unkey/model';
import { DAY, HOUR, rawGet, rawPost } from './unkey-harness';
import { useEmulator } from './emulator-fixture';

const NOW = Date.UTC(2025, 5, 15, 12, 30, 0);
const PATH = '/v2/analytics.getVerifications';

interface V2Error {
  meta: { requestId: string };
  error: { title: string; detail: string; status: number; type: string };
}

describe('Unkey emulator v2 analytics', () => {
  const fixture = useEmulator(NOW);
  let emulator: Emulator;
  let api: ApiRecord;
  const sql = (query: string, token: string = emulator.unkey.token): ReturnType<typeof rawPost> => rawPost(emulator, PATH, { query }, token);

  before(async () => {
    emulator = fixture.emulator;
    api = emulator.unkey.workspace.apis[0] as ApiRecord;
  });
  beforeEach(() => {
    emulator.unkey.resetQuota();
    emulator.unkey.settings.analyticsQueriesPerHour = 1000;
  });

  it('answers {meta:{requestId}, data:[rows]} with numbers and RFC 3339 times', async () => {
    const answer = await sql(`SELECT time, sum(count) AS total FROM key_verifications_per_hour_v1
      WHERE apiId = '${api.id}' AND time >= now() - INTERVAL 3 HOUR GROUP BY time ORDER BY time`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const body = answer.body as { meta: { requestId: string }; data: { time: string; total: number }[] };
    assert.match(body.meta.requestId, /^req_/);
    assert.ok(body.data.length >= 2);
    for (const row of body.data) {
      assert.match(row.time, /^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
      assert.equal(typeof row.total, 'number');
    }
  });

  it('v1 and v2 give the same hourly series for the same API (same rows underneath)', async () => {
    const start = NOW - 2 * DAY;
    const v1 = await rawGet(emulator, '/v1/analytics.getVerifications', `apiId=${api.id}&start=${start}&end=${NOW}&groupBy=hour`, emulator.unkey.token);
    const v2 = await sql(`SELECT time, sum(count) AS total, sumIf(count, outcome = 'VALID') AS valid
      FROM key_verifications_per_hour_v1 WHERE apiId = '${api.id}' AND time >= fromUnixTimestamp64Milli(${Math.floor(start / HOUR) * HOUR}) GROUP BY time ORDER BY time`);
    assert.equal(v2.status, 200, JSON.stringify(v2.body));
    const fromV2 = (v2.body as { data: { time: string; total: number; valid: number }[] }).data.map(({ time, total, valid }) => ({ time: Date.parse(time), total, valid }));
    const fromV1 = (v1.body as { time: number; total: number; valid: number }[]).filter((row) => row.total > 0).map(({ time, total, valid }) => ({ time, total, valid }));
    assert.ok(fromV1.length >= 48);
    assert.deepEqual(fromV2, fromV1);
  });

  it('raw rows: one per verification, time in Unix ms', async () => {
    const answer = await sql(`SELECT count() AS n, min(time) AS first FROM key_verifications_v1 WHERE apiId = '${api.id}'`);
    const [row] = (answer.body as { data: { n: number; first: number }[] }).data;
    assert.ok(row && row.n > 0 && row.first > NOW - DAY - HOUR && row.first < NOW);
  });

  it('401 for a missing or unknown root key, 403 without api.*.read_analytics', async () => {
    const missing = await rawPost(emulator, PATH, { query: 'SELECT 1' });
    assert.equal(missing.status, 401);
    const wrong = await sql('SELECT count() FROM key_verifications_v1', 'unkey_wrong');
    assert.equal(wrong.status, 401);
    assert.equal((wrong.body as V2Error).error.status, 401);
    const token = emulator.unkey.mintToken(['api.*.read_api', 'api.*.read_key']);
    const denied = await sql('SELECT count() FROM key_verifications_v1', token);
    assert.equal(denied.status, 403);
    const error = (denied.body as V2Error).error;
    assert.match(error.detail, /api\.\*\.read_analytics/);
    assert.equal(error.title, 'Forbidden');
  });

  it('400 for a body without a query', async () => {
    const answer = await rawPost(emulator, PATH, { sql: 'SELECT 1' }, emulator.unkey.token);
    assert.equal(answer.status, 400);
    const body = answer.body as V2Error & { error: { errors: { location: string }[] } };
    assert.equal(body.error.errors[0]?.location, 'body.query');
  });

  it('429 past the per-workspace quota, with Retry-After and RateLimit headers', async () => {
    emulator.unkey.settings.analyticsQueriesPerHour = 2;
    for (let i = 0; i < 2; i++) assert.equal((await sql('SELECT count() FROM key_verifications_v1')).status, 200);
    const refused = await sql('SELECT count() FROM key_verifications_v1');
    assert.equal(refused.status, 429);
    const seconds = Number(refused.headers.get('retry-after'));
    assert.ok(seconds > 0 && seconds <= 3600);
    assert.equal(refused.headers.get('ratelimit-limit'), '2');
    assert.equal(refused.headers.get('ratelimit-remaining'), '0');
    assert.equal((refused.body as V2Error).error.status, 429);
    const fixture = emulator.unkey.fixtures.hourly.token;
    assert.equal((await sql('SELECT count() FROM key_verifications_v1', fixture)).status, 200, 'another workspace has its own quota');
  });

  it('a workspace sees only its own rows and APIs', async () => {
    const fixture = emulator.unkey.fixtures.monthly.token;
    const mine = await sql('SELECT sum(count) AS n FROM key_verifications_per_month_v1', fixture);
    const [row] = (mine.body as { data: { n: number }[] }).data;
    const expected = await emulator.unkey.store.query<{ n: number }>(
      `SELECT sum(count) AS n FROM key_verifications_per_month_v3 WHERE workspace_id = '${emulator.unkey.fixtures.monthly.workspace.id}'
        AND time >= toStartOfMonth(toDate(${Math.floor(NOW / 1000) - emulator.unkey.settings.retentionDays * 86400}))`,
    );
    assert.ok(row !== undefined);
    assert.ok(row.n <= (expected.rows[0]?.n ?? 0));
    const other = await sql(`SELECT count() FROM key_verifications_per_hour_v1 WHERE apiId = '${api.id}'`, fixture);
    assert.equal(other.status, 400, "another workspace's API is unknown here");
    assert.match((other.body as V2Error).error.detail, /not found/);
  });

  it('a query ClickHouse rejects is a 400 in the v2 envelope that names no real table or workspace', async () => {
    const answer = await sql('SELECT no_such_column FROM key_verifications_per_hour_v1');
    assert.equal(answer.status, 400);
    const { detail } = (answer.body as V2Error).error;
    assert.match(detail, /no_such_column/);
    assert.doesNotMatch(detail, /_v3|raw_v2|ws_/);
  });

  it('an injected error body carries both the v1 and the v2 envelope', () => {
    const body = emulator.unkey.errorBody(429) as { meta: { requestId: string }; error: Record<string, unknown> };
    assert.equal(body.error.code, 'RATE_LIMITED');
    assert.equal(typeof body.error.message, 'string');
    assert.equal(body.error.status, 429);
    assert.equal(body.error.title, 'Too Many Requests');
    assert.match(body.meta.requestId, /^req_/);
  });
});
