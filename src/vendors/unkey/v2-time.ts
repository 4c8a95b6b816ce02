// Time slices in UTC, as Unkey's aggregate tables bucket them (hour, day, month).
import type { Granularity } from './v2-query';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export function truncateToHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

/** The start of the slice holding `ms`. */
export function sliceStart(ms: number, granularity: Granularity): number {
  switch (granularity) {
    case 'hour':
      return truncateToHour(ms);
    case 'day':
      return Math.floor(ms / DAY_MS) * DAY_MS;
    case 'month': {
      const date = new Date(ms);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    }
  }
}

/** "2025-01-13": the UTC calendar day of `ms`, as ClickHouse reads a Date literal. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
