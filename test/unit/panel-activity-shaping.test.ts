// The activity views' tables and tiles: columns exactly as specified, values as received, zero days
// kept, peak day and success rate over the range, event kinds counted, raw codes in the tooltip.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DailyPointRow, LicenseEventRow } from '../../src/panel/protocol-activity';
import { anomalyCount, DAILY_COLUMNS, dailyTable, dailyTiles, dailyTotals, EVENT_COLUMNS, eventKinds, eventKindsTable, eventsTable, eventTitle, secondLabel, verificationsTable } from '../../webview/shape/activity-tables';
import { describeEvent } from '../../src/vendors/cryptolens/state-code';

const point = (date: string, successful: number, failed: number, keys = 0): DailyPointRow => ({
  date,
  successful,
  failed,
  total: successful + failed,
  activeKeys: keys,
  activeDevices: keys * 2,
  activeCustomers: keys,
});

const event = (eventId: number, state: number, extra: Partial<LicenseEventRow> = {}): LicenseEventRow => {
  const description = describeEvent(state);
  return { eventId, time: Date.UTC(2025, 0, 13, 9, 0, eventId), state, event: description.label, method: description.method, outcome: description.outcome, ...extra };
};

describe('panel shaping: activity', () => {
  const points = [point('2025-01-01', 10, 2, 3), point('2025-01-02', 0, 0), point('2025-01-03', 30, 5, 4), point('2025-01-04', 30, 5, 1)];

  it('requests per day: the columns exactly, one row per day, zero days kept', () => {
    const table = dailyTable(points);
    assert.deepEqual(table.columns.map((column) => column.label), [...DAILY_COLUMNS]);
    assert.deepEqual(table.rows[1], ['2025-01-02', 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(table.rows[0], ['2025-01-01', 10, 2, 12, 3, 6, 3]);
    assert.equal(table.rows.length, 4);
  });

  it('tiles: requests, success rate and the earliest peak day', () => {
    assert.deepEqual(dailyTotals(points), { requests: 82, successful: 70, failed: 12, peak: { date: '2025-01-03', total: 35 } });
    const tiles = dailyTiles(points);
    assert.deepEqual(tiles.map((tile) => tile.label), ['Requests in range', 'Success rate', 'Peak day']);
    assert.equal(tiles[2]?.value, '2025-01-03');
    assert.equal(dailyTiles([point('2025-01-01', 0, 0)])[2]?.value, '—');
  });

  it('recent events: the columns exactly, Event as describeEvent reads it, the raw code in the tooltip', () => {
    const events = [event(3, 2020, { machineCode: 'abc', friendlyName: 'Laptop', anomaly: true }), event(2, 2010, { machineCode: 'abc' }), event(1, 9999)];
    const table = eventsTable(events);
    assert.deepEqual(table.columns.map((column) => column.label), [...EVENT_COLUMNS]);
    assert.deepEqual(table.rows[0], [events[0]?.time, 'abc', 'Laptop', 'Activate · failed']);
    assert.deepEqual(table.rows[1]?.slice(2), [null, 'Activate · succeeded']);
    assert.equal(table.rows[2]?.[3], 'Unknown (9999)');
    assert.equal(eventTitle(events[0] as LicenseEventRow), 'State code 2020 · flagged as an anomaly');
    assert.equal(eventTitle(events[1] as LicenseEventRow), 'State code 2010');
    assert.equal(anomalyCount(events), 1);
  });

  it('event kinds: counted, most frequent first', () => {
    const events = [event(1, 1010), event(2, 2020), event(3, 1010), event(4, 1011)];
    assert.deepEqual(eventKinds(events).map((kind) => [kind.event, kind.count]), [['Validate · succeeded', 3], ['Activate · failed', 1]]);
    assert.deepEqual(eventKindsTable(events).rows, [['Validate · succeeded', 3], ['Activate · failed', 1]]);
  });

  it('verifications: time, outcome, region and tags, in the order received', () => {
    const table = verificationsTable([
      { requestId: 'b', time: 2000, outcome: 'VALID', region: 'fra1', tags: ['a', 'b'] },
      { requestId: 'a', time: 1000, outcome: 'RATE_LIMITED', region: 'iad1', tags: [] },
    ]);
    assert.deepEqual(table.rows, [[2000, 'VALID', 'fra1', 'a, b'], [1000, 'RATE_LIMITED', 'iad1', '']]);
    assert.equal(secondLabel(Date.UTC(2025, 0, 13, 9, 0, 5)), '2025-01-13 09:00:05');
  });
});
