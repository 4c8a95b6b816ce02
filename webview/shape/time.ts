// UTC time arithmetic and labels for the panel's series (Unkey buckets by UTC hour, day and month).
import type { Granularity } from '../../src/panel/protocol';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function startOfHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

export function startOfMonth(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

export function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate(), date.getUTCHours());
}

/** The start of the slice after the one starting at `ms`. */
export function nextSlice(ms: number, granularity: Granularity): number {
  if (granularity === 'month') return addMonths(ms, 1);
  return ms + (granularity === 'hour' ? HOUR_MS : DAY_MS);
}

/** "2025-01-13 09:00", "2025-01-13" or "2025-01": a slice's start, in UTC, at its granularity. */
export function sliceLabel(ms: number, granularity: Granularity): string {
  const iso = new Date(ms).toISOString();
  if (granularity === 'hour') return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return granularity === 'day' ? iso.slice(0, 10) : iso.slice(0, 7);
}

/** "yyyy-mm-dd" → Unix ms of that UTC midnight, or undefined when it is not a real date. */
export function parseDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === text ? ms : undefined;
}

export function dayText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
