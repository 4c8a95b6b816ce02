// The pure helpers behind a daily chart: range presets ending today (UTC), custom ranges, and the
// zero-filled series.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dailySeries } from '../../src/vendors/cryptolens/daily-series';
import { customDayRange, daysOf, InvalidDayRangeError, MAX_RANGE_DAYS, presetDayRange } from '../../src/vendors/cryptolens/day-range';
import type { DailyUsage } from '../../src/vendors/model-activity';

const NOW = Date.UTC(2025, 2, 1, 0, 30); // 00:30 UTC on 1 March 2025: just after a UTC midnight

function row(productId: number, date: string, total: number, extra: Partial<DailyUsage> = {}): DailyUsage {
  return {
    vendor: 'cryptolens',
    aggregateId: 1,
    productId,
    date,
    day: Date.parse(`${date}T00:00:00Z`),
    total,
    successful: total - 1,
    failed: 1,
    activeKeys: 2,
    activeDevices: 3,
    activeCustomers: 1,
    ...extra,
  };
}

describe('Daily ranges', () => {
  it('presets are the last 7, 30 and 90 UTC days, today included', () => {
    assert.deepEqual(presetDayRange('last7', NOW), { start: '2025-02-23', end: '2025-03-01', days: 7 });
    assert.deepEqual(presetDayRange('last30', NOW), { start: '2025-01-31', end: '2025-03-01', days: 30 });
    assert.deepEqual(presetDayRange('last90', NOW), { start: '2024-12-02', end: '2025-03-01', days: 90 });
    // One millisecond before midnight UTC is still the previous day, whatever the machine's zone.
    assert.equal(presetDayRange('last7', Date.UTC(2025, 2, 1) - 1).end, '2025-02-28');
  });

  it('a custom range keeps both ends and reads Dates as UTC days', () => {
    assert.deepEqual(customDayRange('2024-02-27', '2024-03-02'), { start: '2024-02-27', end: '2024-03-02', days: 5 });
    assert.deepEqual(daysOf(customDayRange('2024-02-27', '2024-03-02')), ['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02']);
    assert.deepEqual(customDayRange(new Date(Date.UTC(2025, 0, 5, 23, 59)), '2025-01-05'), { start: '2025-01-05', end: '2025-01-05', days: 1 });
  });

  it('a bad range is an InvalidDayRangeError naming what is wrong', () => {
    const bad: [() => unknown, RegExp][] = [
      [() => customDayRange('2025-02-30', '2025-03-01'), /start must be a real date written yyyy-MM-dd: "2025-02-30"/],
      [() => customDayRange('2025-03-01', '1 March'), /end must be a real date written yyyy-MM-dd: "1 March"/],
      [() => customDayRange('2025-3-1', '2025-03-02'), /start must be a real date/],
      [() => customDayRange(new Date(Number.NaN), '2025-03-02'), /start is not a valid date/],
      [() => customDayRange('2025-03-02', '2025-03-01'), /start 2025-03-02 is after end 2025-03-01/],
      [() => customDayRange('2000-01-01', '2025-01-01'), new RegExp(`more than ${MAX_RANGE_DAYS}`)],
      [() => presetDayRange('last365' as 'last7', NOW), /unknown range preset: "last365"/],
      [() => presetDayRange('toString' as 'last7', NOW), /unknown range preset: "toString"/],
      [() => presetDayRange('last7', Number.NaN), /"now" is not a time/],
    ];
    for (const [call, message] of bad) {
      assert.throws(call, (error: unknown) => error instanceof InvalidDayRangeError && message.test(error.message));
    }
  });
});

describe('Daily series', () => {
  const range = customDayRange('2025-02-26', '2025-03-01');

  it('has one point per day, zero on days without a row', () => {
    const points = dailySeries([row(3349, '2025-02-27', 10)], range);
    assert.deepEqual(points.map((point) => [point.date, point.total, point.products]), [
      ['2025-02-26', 0, 0],
      ['2025-02-27', 10, 1],
      ['2025-02-28', 0, 0],
      ['2025-03-01', 0, 0],
    ]);
    assert.deepEqual(points[0], { date: '2025-02-26', day: Date.UTC(2025, 1, 26), total: 0, successful: 0, failed: 0, activeKeys: 0, activeDevices: 0, activeCustomers: 0, products: 0 });
    assert.deepEqual(dailySeries([], range).map((point) => point.total), [0, 0, 0, 0]);
  });

  it('adds the products of one day together and leaves out rows outside the range', () => {
    const points = dailySeries([row(3349, '2025-02-28', 10), row(3356, '2025-02-28', 5, { aggregateId: 2 }), row(3349, '2025-03-02', 99)], range);
    assert.deepEqual(points[2], { date: '2025-02-28', day: Date.UTC(2025, 1, 28), total: 15, successful: 13, failed: 2, activeKeys: 4, activeDevices: 6, activeCustomers: 2, products: 2 });
    assert.equal(points.reduce((sum, point) => sum + point.total, 0), 15);
  });

  it('counts one product and day once: the row with the higher id', () => {
    const points = dailySeries([row(3349, '2025-02-28', 10, { aggregateId: 7 }), row(3349, '2025-02-28', 12, { aggregateId: 9 }), row(3349, '2025-02-28', 11, { aggregateId: 8 })], range);
    assert.equal(points[2]?.total, 12);
    assert.equal(points[2]?.products, 1);
  });
});
