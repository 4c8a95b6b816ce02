// What the panel draws and tabulates from the host's answers: long series bucketed so a year of
// hourly data stays fast (sums preserved), ranges as Unkey reads them, tables that follow the
// legend, sorting, and the Cryptolens/Runtype summaries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OUTCOMES, type OutcomeCounts } from '../../src/vendors/model';
import { aggregate, bucketLength, bucketSize, MAX_BARS } from '../../webview/shape/aggregate';
import { displayCell } from '../../webview/shape/cells';
import { busiestKeys, countersTable, devicesPerKeyTable, keysTable, outcomesTable, type KeyRow } from '../../webview/shape/cryptolens-tables';
import { resolveRange } from '../../webview/shape/range';
import { ID_COLUMN, keysTable as runtypeKeysTable, lastUseTable, STATUS_COLUMN, stateTable } from '../../webview/shape/runtype-tables';
import { nextSort, sortTable } from '../../webview/shape/sort';
import { DAY_MS, HOUR_MS } from '../../webview/shape/time';
import { breakdownTable, seriesTable } from '../../webview/shape/unkey-tables';

const YEAR_START = Date.UTC(2024, 0, 1);
// 14:25 UTC on 2025-01-13
const NOW = Date.UTC(2025, 0, 13, 14, 25);

function counts(seed: number): OutcomeCounts {
  const result = { total: 0 } as OutcomeCounts;
  OUTCOMES.forEach((outcome, index) => {
    result[outcome] = (seed * (index + 3)) % 17;
    result.total += result[outcome];
  });
  return result;
}

const hourly = Array.from({ length: 8_760 }, (_, index) => ({ time: YEAR_START + index * HOUR_MS, outcomes: counts(index) }));

describe('panel shaping: long series', () => {
  it('draws a year of hourly slices as daily bars, under the bar limit, every count kept', () => {
    const aggregated = aggregate(hourly, 'hour');
    assert.equal(aggregated.size, 24);
    assert.equal(aggregated.buckets.length, 365);
    assert.ok(aggregated.buckets.length <= MAX_BARS);
    for (const outcome of [...OUTCOMES, 'total'] as const) {
      const before = hourly.reduce((sum, slice) => sum + slice.outcomes[outcome], 0);
      const after = aggregated.buckets.reduce((sum, bucket) => sum + bucket.outcomes[outcome], 0);
      assert.equal(after, before, outcome);
    }
    const second = aggregated.buckets[1];
    assert.equal(second?.start, YEAR_START + DAY_MS);
    assert.equal(second?.end, YEAR_START + 2 * DAY_MS);
    assert.equal(second?.slices, 24);
    assert.equal(bucketLength(aggregated.size, 'hour'), '1 day');
  });

  it('leaves series that fit as they are, and picks the smallest nice bucket otherwise', () => {
    assert.equal(aggregate(hourly.slice(0, 24), 'hour').size, 1);
    assert.equal(bucketSize(720, 'hour'), 2);
    assert.equal(bucketSize(400, 'hour'), 1);
    assert.equal(bucketSize(401, 'hour'), 2);
    assert.equal(bucketSize(3_000, 'day'), 14);
    assert.equal(bucketLength(168, 'hour'), '1 week');
    assert.equal(bucketLength(2, 'hour'), '2 hours');
  });

  it('aggregates 8,760 slices quickly enough to redraw on every legend toggle', () => {
    const started = performance.now();
    for (let round = 0; round < 10; round++) aggregate(hourly, 'hour');
    assert.ok((performance.now() - started) / 10 < 50, 'aggregating a year of hours took over 50 ms');
  });
});

describe('panel shaping: ranges', () => {
  it('asks for the last 24 hours as 24 hourly slices ending with the current hour', () => {
    const result = resolveRange({ preset: '24h', granularity: 'hour' }, NOW, 'v1');
    assert.ok(result.ok);
    assert.equal(result.range.end, Date.UTC(2025, 0, 13, 14));
    assert.equal((result.range.end - result.range.start) / HOUR_MS + 1, 24);
  });

  it('starts 7 and 30 day ranges at UTC midnight, and 12 months at the first of a month', () => {
    const week = resolveRange({ preset: '7d', granularity: 'day' }, NOW, 'v1');
    const month = resolveRange({ preset: '30d', granularity: 'day' }, NOW, 'v1');
    const year = resolveRange({ preset: '12m', granularity: 'month' }, NOW, 'v1');
    assert.ok(week.ok && month.ok && year.ok);
    assert.equal(week.range.start, Date.UTC(2025, 0, 7));
    assert.equal(month.range.start, Date.UTC(2024, 11, 15));
    assert.equal(year.range.start, Date.UTC(2024, 1, 1));
  });

  it('reads custom dates as whole UTC days, up to the current hour', () => {
    const past = resolveRange({ preset: 'custom', granularity: 'hour', from: '2025-01-01', to: '2025-01-02' }, NOW, 'v1');
    assert.ok(past.ok);
    assert.deepEqual(past.range, { start: Date.UTC(2025, 0, 1), end: Date.UTC(2025, 0, 2, 23), granularity: 'hour' });
    const today = resolveRange({ preset: 'custom', granularity: 'day', from: '2025-01-10', to: '2025-01-13' }, NOW, 'v1');
    assert.ok(today.ok);
    assert.equal(today.range.end, Date.UTC(2025, 0, 13, 14));
  });

  it('explains custom dates it cannot use', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ from: '2025-01-05', to: '2025-01-01' }, /after the end date/],
      [{ from: '2025-02-30', to: '2025-03-01' }, /yyyy-mm-dd/],
      [{ from: '', to: '2025-01-01' }, /yyyy-mm-dd/],
      [{ from: '2026-01-01', to: '2026-01-02' }, /future/],
    ];
    for (const [dates, message] of cases) {
      const result = resolveRange({ preset: 'custom', granularity: 'day', ...dates }, NOW, 'v1');
      assert.equal(result.ok, false, JSON.stringify(dates));
      if (!result.ok) assert.match(result.error, message);
    }
  });

  it('allows a year by hour, and refuses more hours than the protocol carries', () => {
    assert.ok(resolveRange({ preset: 'custom', granularity: 'hour', from: '2024-01-13', to: '2025-01-12' }, NOW, 'v1').ok);
    const tooLong = resolveRange({ preset: 'custom', granularity: 'hour', from: '2023-01-01', to: '2025-01-12' }, NOW, 'v1');
    assert.equal(tooLong.ok, false);
    if (!tooLong.ok) assert.match(tooLong.error, /coarser granularity/);
  });
});

describe('panel shaping: Unkey tables', () => {
  it('tabulates exactly the outcomes the legend shows, with Total still counting all of them', () => {
    const aggregated = aggregate(hourly.slice(0, 3), 'hour');
    const table = seriesTable(aggregated, 'hour', ['valid', 'expired']);
    assert.equal(table.name, 'Verification outcomes per hour');
    assert.deepEqual(table.columns.map((column) => column.key), ['start', 'valid', 'expired', 'total']);
    assert.deepEqual(table.rows[2], [YEAR_START + 2 * HOUR_MS, hourly[2]?.outcomes.valid, hourly[2]?.outcomes.expired, hourly[2]?.outcomes.total]);
  });

  it('adds the bucket end when a series was bucketed, and names the bucket length', () => {
    const table = seriesTable(aggregate(hourly, 'hour'), 'hour', [...OUTCOMES]);
    assert.equal(table.name, 'Verification outcomes per day');
    assert.deepEqual(table.columns.slice(0, 2).map((column) => column.key), ['start', 'end']);
    assert.equal(table.rows.length, 365);
  });

  it('names a breakdown after what it groups, and keeps identity ids beside external ids', () => {
    const rows = [{ id: 'id_1', label: 'user_1', outcomes: counts(3) }];
    const table = breakdownTable(rows, 'identity', 10, ['valid']);
    assert.equal(table.name, 'Verifications by identity');
    assert.deepEqual(table.rows[0], ['user_1', 'id_1', counts(3).valid, counts(3).total]);
    const full = Array.from({ length: 10 }, (_, index) => ({ id: `key_${index}`, label: `key_${index}`, outcomes: counts(index) }));
    assert.equal(breakdownTable(full, 'key', 10, ['valid']).name, 'Top 10 keys by verifications');
    assert.equal(breakdownTable(rows, 'tags', 10, ['valid']).name, 'Verifications by tag combination');
  });

  it('gives keys a Status column beside the key, empty where the status is unknown; other groupings have none', () => {
    const rows = [
      { id: 'key_1', label: 'key_1', outcomes: counts(1), status: 'Rate limited' as const, statusReason: '30% rate limited in the last 24 h' },
      { id: 'key_2', label: 'key_2', outcomes: counts(2) },
    ];
    const table = breakdownTable(rows, 'key', 10, ['valid']);
    assert.deepEqual(table.columns.map((column) => column.key), ['key', 'status', 'valid', 'total']);
    assert.deepEqual(table.rows, [
      ['key_1', 'Rate limited', counts(1).valid, counts(1).total],
      ['key_2', null, counts(2).valid, counts(2).total],
    ]);
    assert.ok(!breakdownTable(rows, 'tag', 10, ['valid']).columns.some((column) => column.key === 'status'));
  });
});

const keys: KeyRow[] = [
  { licenseKeyId: 1, key: 'AAAA', requests: 100, successful: 90, failed: 10, firstSeen: 1, lastSeen: 2, devices: 3, counters: { activationSuccess: 4 }, status: 'Seats full', statusReason: '3 of 3 seats used' },
  { licenseKeyId: 2, requests: 300, successful: 150, failed: 150, devices: 9, counters: { activationSuccess: 1, dataObjectOps: 7 }, status: 'Deleted' },
  { licenseKeyId: 3, key: 'CCCC', requests: 0, successful: 0, failed: 0, counters: {} },
];

describe('panel shaping: Cryptolens tables', () => {
  it('lists every key with its status word and success rate, a deleted key by its id, a missing rate or status as empty', () => {
    const table = keysTable(keys);
    assert.deepEqual(table.columns.map((column) => column.label).slice(0, 4), ['Key', 'Key id', 'Status', 'Requests']);
    assert.deepEqual(table.rows[0], ['AAAA', 1, 'Seats full', 100, 90, 10, 90, 3, 1, 2]);
    assert.deepEqual(table.rows[1]?.slice(0, 7), ['#2 (deleted)', 2, 'Deleted', 300, 150, 150, 50]);
    assert.deepEqual(table.rows[2]?.slice(2, 3), [null]);
    assert.deepEqual(table.rows[2]?.slice(6, 8), [null, null]);
  });

  it('charts the busiest keys and the keys with most devices, counting only keys whose devices were counted', () => {
    assert.deepEqual(busiestKeys(keys).map((key) => key.licenseKeyId), [2, 1, 3]);
    assert.deepEqual(outcomesTable(keys).rows[0], ['#2 (deleted)', 150, 150]);
    assert.deepEqual(devicesPerKeyTable(keys).rows, [['#2 (deleted)', 9], ['AAAA', 3]]);
  });

  it('sums the counters the vendor returned, and has no counters table when none came', () => {
    assert.deepEqual(countersTable(keys)?.rows, [['activationSuccess', 5], ['dataObjectOps', 7]]);
    assert.equal(countersTable([keys[2] as KeyRow]), undefined);
  });
});

describe('panel shaping: Runtype tables', () => {
  const asOf = Date.UTC(2024, 3, 25, 12);
  const summary = {
    totalKeys: 5,
    activeKeys: 3,
    expiredKeys: 1,
    asOf,
    keys: [
      { id: 'a', active: true, lastUsedAt: asOf - HOUR_MS },
      { id: 'b', active: true, lastUsedAt: asOf - 3 * DAY_MS },
      { id: 'c', active: true, lastUsedAt: asOf - 200 * DAY_MS },
      { id: 'd', active: false },
      { id: 'e', active: false, lastUsedAt: asOf - 40 * DAY_MS },
    ],
  };

  it('splits keys into active, expired and other inactive', () => {
    assert.deepEqual(stateTable(summary).rows, [['Active', 3], ['Expired', 1], ['Inactive, not expired', 1]]);
  });

  it('counts keys by how long before the vendor timestamp they were last used', () => {
    assert.deepEqual(lastUseTable(summary).rows.map((row) => row[1]), [1, 1, 0, 1, 1, 1]);
  });

  it('lists every key with its status word beside its state, the id last', () => {
    const table = runtypeKeysTable({ ...summary, keys: [{ id: 'x', name: 'ci', active: false, status: 'Expired', statusReason: 'expired 3 days ago' }, { id: 'y', active: true }] });
    assert.deepEqual(table.columns.map((column) => column.label), ['Name', 'Prefix', 'Status', 'State', 'Last used (UTC)', 'Id']);
    assert.deepEqual(table.rows, [
      ['ci', null, 'Expired', 'Inactive', null, 'x'],
      [null, null, null, 'Active', null, 'y'],
    ]);
    assert.equal(table.columns[STATUS_COLUMN]?.key, 'status');
    assert.equal(table.columns[ID_COLUMN]?.key, 'id');
  });
});

describe('panel shaping: sorting and cells', () => {
  it('sorts numbers numerically and text naturally, empty cells last in either direction', () => {
    const table = keysTable(keys);
    const byRate = sortTable(table, { column: 'successRate', direction: 'descending' });
    assert.deepEqual(byRate.rows.map((row) => row[1]), [1, 2, 3]);
    const byRateUp = sortTable(table, { column: 'successRate', direction: 'ascending' });
    assert.deepEqual(byRateUp.rows.map((row) => row[1]), [2, 1, 3]);
    assert.deepEqual(nextSort(undefined, 'requests', true), { column: 'requests', direction: 'descending' });
    assert.deepEqual(nextSort({ column: 'requests', direction: 'descending' }, 'requests', true), { column: 'requests', direction: 'ascending' });
    assert.deepEqual(nextSort(undefined, 'key', false), { column: 'key', direction: 'ascending' });
  });

  it('formats cells for reading', () => {
    assert.equal(displayCell({ key: 'n', label: '', kind: 'count' }, 1234567), '1,234,567');
    assert.equal(displayCell({ key: 'p', label: '', kind: 'percent' }, 93.75), '93.8%');
    assert.equal(displayCell({ key: 'p', label: '', kind: 'percent' }, 100), '100%');
    assert.equal(displayCell({ key: 't', label: '', kind: 'time' }, Date.UTC(2025, 4, 26, 7, 5)), '2025-05-26 07:05');
    assert.equal(displayCell({ key: 'x', label: '', kind: 'text' }, null), '—');
  });
});
