// Daily aggregates as a chart reads them: one point per UTC day of the range, oldest first. The vendor
// sends no row for a day without requests, so such a day is a point of zeros; rows of several products
// on one day are added together.
import type { DailyUsage } from '../model-activity';
import { daysOf, utcDayStart, type DayRange } from './day-range';

/**
 * A day of the range: DailyUsage's counts, summed over the products that had a row that day. A key
 * belongs to one product, so activeKeys is exact; a device or customer active in two products counts
 * once per product.
 */
export interface DailyPoint
  extends Pick<DailyUsage, 'date' | 'day' | 'total' | 'successful' | 'failed' | 'activeKeys' | 'activeDevices' | 'activeCustomers'> {
  /** How many product rows the point adds up (0 on a day without requests). */
  products: number;
}

export function dailySeries(rows: readonly DailyUsage[], range: DayRange): DailyPoint[] {
  // One row per product and day; if the vendor ever sent two, the later one (higher id) is its latest count.
  const latest = new Map<string, DailyUsage>();
  for (const row of rows) {
    const id = `${row.productId}/${row.date}`;
    const seen = latest.get(id);
    if (seen === undefined || row.aggregateId > seen.aggregateId) latest.set(id, row);
  }
  const points = new Map<string, DailyPoint>(daysOf(range).map((date) => [date, emptyPoint(date)]));
  for (const row of latest.values()) {
    const point = points.get(row.date);
    if (point === undefined) continue; // outside the range
    point.total += row.total;
    point.successful += row.successful;
    point.failed += row.failed;
    point.activeKeys += row.activeKeys;
    point.activeDevices += row.activeDevices;
    point.activeCustomers += row.activeCustomers;
    point.products += 1;
  }
  return [...points.values()];
}

function emptyPoint(date: string): DailyPoint {
  return { date, day: utcDayStart(date), total: 0, successful: 0, failed: 0, activeKeys: 0, activeDevices: 0, activeCustomers: 0, products: 0 };
}
