// The v2 query guard, run on a real ClickHouse (chdb) holding Unkey's tables with rows from two
// workspaces: the query shapes a v2 client sends return the caller's rows only, and the guard's
// rewrite keeps the row cap, the retention window and the emulator's clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ALLOWED_FUNCTIONS } from '../emulator/unkey/query-functions';
import { guardQuery, type GuardContext } from '../emulator/unkey/query-guard';
import {
  CTX, DAY, HOUR, NOW, RECENT_A, dayOf, floorHour, openGuardFixture, sumBy, type GuardFixture,
} from './unkey-query-guard-fixture';

let fixture: GuardFixture;
before(async () => {
  fixture = await openGuardFixture();
});
after(() => fixture.close());

const rows = (sql: string, ctx?: Partial<GuardContext>): Record<string, unknown>[] => fixture.run(sql, ctx);

describe('query shapes a v2 client sends', () => {
  it('an hourly outcome series with sumIf, filtered by apiId and a millisecond range', () => {
    const from = NOW - 48 * HOUR;
    const to = NOW - HOUR;
    const got = rows(`SELECT toUnixTimestamp64Milli(toDateTime64(time, 3, 'UTC')) AS slice_ms,
        sumIf(count, outcome = 'VALID') AS valid, sumIf(count, outcome = 'RATE_LIMITED') AS rateLimited, sum(count) AS total
      FROM key_verifications_per_hour_v1
      WHERE api_id = 'api_a1' AND time >= fromUnixTimestamp64Milli(${from}) AND time <= fromUnixTimestamp64Milli(${to})
      GROUP BY time ORDER BY slice_ms ASC`);
    const inRange = RECENT_A.filter((r) => r.key_space_id === 'ks_a1' && floorHour(r.time) >= from && floorHour(r.time) <= to);
    const expected = [...sumBy(inRange, (r) => String(floorHour(r.time)))].sort(([a], [b]) => Number(a) - Number(b)).map(([slice, list]) => ({
      slice_ms: Number(slice),
      valid: list.filter((r) => r.outcome === 'VALID').length,
      rateLimited: list.filter((r) => r.outcome === 'RATE_LIMITED').length,
      total: list.length,
    }));
    assert.ok(expected.length > 10);
    assert.deepEqual(got, expected);
  });

  it('a daily series grouped by outcome, and a monthly total over the retention window', () => {
    const got = rows(`SELECT time, outcome, sum(count) AS n FROM key_verifications_per_day_v1
      WHERE time >= toDate('2025-06-13') GROUP BY time, outcome ORDER BY time, outcome`);
    const inRange = RECENT_A.filter((r) => dayOf(r.time) >= '2025-06-13');
    const expected = [...sumBy(inRange, (r) => `${dayOf(r.time)}|${r.outcome}`)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, list]) => {
      const [time, outcome] = k.split('|');
      return { time, outcome, n: list.length };
    });
    assert.deepEqual(got, expected);
    const month = rows('SELECT toStartOfMonth(time) AS month, sum(count) AS n FROM key_verifications_per_month_v1 GROUP BY month');
    assert.deepEqual(month, [{ month: '2025-06-01', n: RECENT_A.length }]);
  });

  it('top keys by volume with ORDER BY … LIMIT', () => {
    const got = rows('SELECT key_id, sum(count) AS n FROM key_verifications_per_day_v1 GROUP BY key_id ORDER BY n DESC, key_id LIMIT 2');
    const expected = [...sumBy(RECENT_A, (r) => r.key_id)]
      .map(([key_id, list]) => ({ key_id, n: list.length }))
      .sort((a, b) => b.n - a.n || (a.key_id < b.key_id ? -1 : 1))
      .slice(0, 2);
    assert.deepEqual(got, expected);
  });

  it('per identity: external_id is resolved within the caller workspace only', () => {
    const one = rows("SELECT external_id, sum(count) AS n FROM key_verifications_per_hour_v1 WHERE external_id = 'user_1' GROUP BY external_id");
    assert.deepEqual(one, [{ external_id: 'user_1', n: RECENT_A.filter((r) => r.external_id === 'user_1').length }]);
    const both = rows("SELECT externalId, count() AS rows FROM key_verifications_v1 WHERE externalId IN ('user_1', 'user_2') GROUP BY externalId ORDER BY externalId");
    assert.deepEqual(both, ['user_1', 'user_2'].map((id) => ({ external_id: id, rows: RECENT_A.filter((r) => r.external_id === id).length })));
  });

  it('per tag with arrayJoin(tags), per tag combination, and a hasAny tag filter', () => {
    const perTag = rows('SELECT arrayJoin(tags) AS tag, sum(count) AS n FROM key_verifications_per_hour_v1 GROUP BY tag ORDER BY tag');
    const tagged = RECENT_A.flatMap((r) => r.tags.map((tag) => ({ ...r, tag })));
    assert.deepEqual(perTag, [...sumBy(tagged, (r) => r.tag)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([tag, list]) => ({ tag, n: list.length })));
    const combos = rows('SELECT tags, sum(count) AS n FROM key_verifications_per_day_v1 GROUP BY tags ORDER BY n DESC, tags');
    assert.equal(combos.length, 4);
    assert.equal(combos.reduce((acc, row) => acc + Number(row.n), 0), RECENT_A.length);
    const eu = rows("SELECT sum(count) AS n FROM key_verifications_per_hour_v1 WHERE hasAny(tags, ['region=eu'])");
    assert.deepEqual(eu, [{ n: RECENT_A.filter((r) => r.tags.includes('region=eu')).length }]);
  });

  it('apiId / api_id filters resolve to key spaces; IN lists too', () => {
    const a2 = rows("SELECT count() AS n FROM key_verifications_v1 WHERE apiId = 'api_a2'");
    assert.deepEqual(a2, [{ n: RECENT_A.filter((r) => r.key_space_id === 'ks_a2').length }]);
    const all = rows("SELECT count() AS n FROM key_verifications_v1 WHERE api_id IN ('api_a1', 'api_a2')");
    assert.deepEqual(all, [{ n: RECENT_A.length }]);
  });

  it('CTEs, subqueries, UNION ALL and EXCEPT', () => {
    const cte = rows(`WITH recent AS (SELECT key_id, outcome, count FROM key_verifications_per_hour_v1 WHERE time >= now() - INTERVAL 1 DAY)
      SELECT key_id, sumIf(count, outcome = 'VALID') AS valid FROM recent GROUP BY key_id ORDER BY key_id`);
    const lastDay = RECENT_A.filter((r) => floorHour(r.time) >= NOW - DAY);
    assert.deepEqual(cte, [...sumBy(lastDay, (r) => r.key_id)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key_id, list]) => ({
      key_id, valid: list.filter((r) => r.outcome === 'VALID').length,
    })));
    const union = rows("SELECT 'hour' AS t, sum(count) AS n FROM key_verifications_per_hour_v1 UNION ALL SELECT 'day' AS t, sum(count) AS n FROM key_verifications_per_day_v1");
    assert.deepEqual(union.map((r) => Number(r.n)), [RECENT_A.length, RECENT_A.length]);
    const nested = rows(`SELECT count() AS n FROM (SELECT key_id FROM key_verifications_v1 WHERE outcome = 'VALID')
      WHERE key_id IN (SELECT key_id FROM key_verifications_v1 WHERE apiId = 'api_a1')`);
    assert.deepEqual(nested, [{ n: RECENT_A.filter((r) => r.outcome === 'VALID' && r.key_space_id === 'ks_a1').length }]);
    const except = rows("SELECT DISTINCT key_id FROM key_verifications_v1 EXCEPT SELECT key_id FROM key_verifications_v1 WHERE key_id = 'key_a1'");
    assert.deepEqual(except.map((r) => r.key_id).sort(), ['key_a2', 'key_a3']);
  });

  it('a zero-filled series with ORDER BY … WITH FILL', () => {
    const got = rows(`SELECT time, sum(count) AS n FROM key_verifications_per_day_v1 WHERE time >= toDate('2025-06-10')
      GROUP BY time ORDER BY time WITH FILL FROM toDate('2025-06-10') TO toDate('2025-06-16')`);
    assert.deepEqual(got.map((r) => r.time), ['2025-06-10', '2025-06-11', '2025-06-12', '2025-06-13', '2025-06-14', '2025-06-15']);
    assert.equal(got.reduce((acc, r) => acc + Number(r.n), 0), RECENT_A.length);
  });
});

describe('workspace scoping', () => {
  it('no query sees another workspace, whatever it filters on', () => {
    assert.deepEqual(rows('SELECT DISTINCT workspace_id FROM key_verifications_v1'), [{ workspace_id: 'ws_a' }]);
    assert.deepEqual(rows('SELECT DISTINCT workspace_id FROM key_verifications_v1', { workspaceId: 'ws_b' }), [{ workspace_id: 'ws_b' }]);
    assert.deepEqual(rows("SELECT count() AS n FROM key_verifications_v1 WHERE workspace_id = 'ws_b'"), [{ n: 0 }]);
    assert.deepEqual(rows("SELECT count() AS n FROM key_verifications_per_hour_v1 AS v WHERE v.workspace_id = 'ws_b' OR 1 = 1"), [{ n: RECENT_A.length }]);
    const joined = rows('SELECT count() AS n FROM key_verifications_v1 AS a JOIN key_verifications_v1 AS b ON a.request_id = b.request_id');
    assert.deepEqual(joined, [{ n: RECENT_A.length }]);
  });

  it('aliases and CTEs named like real or public tables stay scoped', () => {
    for (const sql of [
      'SELECT DISTINCT workspace_id FROM key_verifications_v1 AS key_verifications_raw_v2',
      'WITH key_verifications_v1 AS (SELECT * FROM key_verifications_v1) SELECT DISTINCT workspace_id FROM key_verifications_v1',
      'SELECT DISTINCT workspace_id FROM key_verifications_v1 WHERE key_id IN (SELECT key_id FROM key_verifications_per_day_v1 AS key_verifications_per_day_v3)',
    ]) assert.deepEqual(rows(sql), [{ workspace_id: 'ws_a' }], sql);
  });

  it('the caller workspace id is quoted, so it cannot widen the filter', () => {
    assert.deepEqual(rows('SELECT count() AS n FROM key_verifications_v1', { workspaceId: "x' OR '1'='1" }), [{ n: 0 }]);
  });
});

describe('retention', () => {
  it('a query with no lower bound on time only sees the retention window', () => {
    assert.ok(fixture.countAll('ws_a') > RECENT_A.length, 'the fixture holds rows older than the window');
    assert.deepEqual(rows('SELECT count() AS n FROM key_verifications_v1'), [{ n: RECENT_A.length }]);
    assert.deepEqual(rows('SELECT sum(count) AS n FROM key_verifications_per_hour_v1 WHERE time <= now()'), [{ n: RECENT_A.length }]);
    assert.deepEqual(rows('SELECT sum(count) AS n FROM key_verifications_per_month_v1'), [{ n: RECENT_A.length }]);
  });

  it('a lower bound exactly at the window edge is accepted', () => {
    assert.deepEqual(rows('SELECT sum(count) AS n FROM key_verifications_per_hour_v1 WHERE time >= now() - INTERVAL 30 DAY'), [{ n: RECENT_A.length }]);
    assert.deepEqual(rows(`SELECT count() AS n FROM key_verifications_v1 WHERE time >= ${NOW - 30 * DAY}`), [{ n: RECENT_A.length }]);
  });
});

describe('row cap', () => {
  it('caps plain queries, larger LIMITs and unions at maxRows; smaller LIMITs stand', () => {
    const capped = { maxRows: 5 };
    assert.equal(rows('SELECT * FROM key_verifications_v1', capped).length, 5);
    assert.equal(rows('SELECT key_id FROM key_verifications_v1 LIMIT 1000', capped).length, 5);
    assert.equal(rows('SELECT key_id FROM key_verifications_v1 LIMIT 2', capped).length, 2);
    assert.equal(rows('SELECT key_id FROM key_verifications_v1 UNION ALL SELECT key_id FROM key_verifications_v1', capped).length, 5);
    assert.equal(rows('SELECT key_id FROM key_verifications_v1').length, RECENT_A.length);
  });
});

describe('functions', () => {
  // One use of each allowed function: the guard accepts it and chdb's ClickHouse runs it.
  const SAMPLES: Record<string, string> = {
    count: 'count()', sum: 'sum(spent_credits)', avg: 'avg(latency)', min: 'min(time)', max: 'max(time)', any: 'any(key_id)',
    groupArray: 'groupArray(key_id)', groupUniqArray: 'groupUniqArray(key_id)', uniq: 'uniq(key_id)', uniqExact: 'uniqExact(key_id)',
    quantile: 'quantile(0.5)(latency)', now: 'now()', now64: 'now64()', today: 'today()', toDate: 'toDate(now())',
    toDateTime: "toDateTime('2025-06-01 00:00:00')", toDateTime64: 'toDateTime64(now(), 3)', toStartOfDay: 'toStartOfDay(now())',
    toStartOfWeek: 'toStartOfWeek(now())', toStartOfMonth: 'toStartOfMonth(now())', toStartOfYear: 'toStartOfYear(now())',
    toStartOfHour: 'toStartOfHour(now())', toStartOfMinute: 'toStartOfMinute(now())', date_trunc: "date_trunc('day', now())",
    formatDateTime: "formatDateTime(now(), '%Y-%m-%d')", fromUnixTimestamp64Milli: 'fromUnixTimestamp64Milli(time)',
    toUnixTimestamp64Milli: 'toUnixTimestamp64Milli(now64())', toIntervalDay: 'now() - toIntervalDay(1)',
    toIntervalWeek: 'now() - toIntervalWeek(1)', toIntervalMonth: 'now() - toIntervalMonth(1)', toIntervalYear: 'now() - toIntervalYear(1)',
    toIntervalHour: 'now() - toIntervalHour(1)', toIntervalMinute: 'now() - toIntervalMinute(1)', toIntervalSecond: 'now() - toIntervalSecond(1)',
    toIntervalMillisecond: 'toIntervalMillisecond(1)', toIntervalMicrosecond: 'toIntervalMicrosecond(1)',
    toIntervalNanosecond: 'toIntervalNanosecond(1)', toIntervalQuarter: 'now() - toIntervalQuarter(1)', lower: 'lower(key_id)',
    upper: 'upper(key_id)', substring: 'substring(key_id, 1, 3)', concat: "concat(key_id, '-', outcome)", length: 'length(tags)',
    trim: "trim(' x ')", startsWith: "startsWith(key_id, 'key_')", endsWith: "endsWith(key_id, '1')", round: 'round(latency, 1)',
    floor: 'floor(latency)', ceil: 'ceil(latency)', abs: 'abs(-latency)', if: "if(outcome = 'VALID', 1, 0)",
    sumIf: "sumIf(spent_credits, outcome = 'VALID')", case: "CASE WHEN outcome = 'VALID' THEN 1 ELSE 0 END",
    coalesce: 'coalesce(NULL, key_id)', countIf: "countIf(outcome = 'VALID')", toString: 'toString(time)',
    toInt32: 'toInt32(spent_credits)', toInt64: 'toInt64(spent_credits)', toFloat64: 'toFloat64(spent_credits)',
    has: "has(tags, 'region=eu')", hasAny: "hasAny(tags, ['region=eu'])", hasAll: "hasAll(tags, ['region=eu'])",
    arrayJoin: 'arrayJoin(tags)', arrayFilter: "arrayFilter(x -> x != '', tags)",
  };

  it('has a sample for every allowed function', () => {
    assert.deepEqual(Object.keys(SAMPLES).sort(), [...ALLOWED_FUNCTIONS].sort());
  });

  it('every allowed function passes the guard and exists in ClickHouse', () => {
    for (const [name, expression] of Object.entries(SAMPLES)) {
      assert.ok(expression.toLowerCase().includes(name.toLowerCase()), name);
      assert.equal(rows(`SELECT ${expression} AS v FROM key_verifications_v1 LIMIT 1`).length, 1, name);
    }
  });

  it('function names match case-insensitively', () => {
    assert.deepEqual(rows('SELECT COUNT(*) AS n FROM key_verifications_v1'), [{ n: RECENT_A.length }]);
  });
});

describe('clock', () => {
  it('now(), now64() and today() read the emulator clock', () => {
    const [row] = rows('SELECT toUnixTimestamp64Milli(now64()) AS ms, toUnixTimestamp64Milli(toDateTime64(now(), 3)) AS s, toString(today()) AS d FROM key_verifications_v1 LIMIT 1');
    assert.deepEqual(row, { ms: NOW, s: NOW, d: '2025-06-15' });
  });

  it('a guarded query never reads the real clock', () => {
    const result = guardQuery('SELECT now() AS t FROM key_verifications_v1', CTX);
    assert.ok(result.ok && !/\bnow\s*\(/i.test(result.sql));
  });
});
