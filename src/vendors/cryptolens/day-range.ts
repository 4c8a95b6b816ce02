// The UTC days a daily view covers: the last 7, 30 or 90 days ending today, or a custom range. Both
// ends are inclusive, as GetDailyAggregates reads Start and End.
import { isCalendarDate } from './dates';

export const DAY_RANGE_PRESETS = ['last7', 'last30', 'last90'] as const;
export type DayRangePreset = (typeof DAY_RANGE_PRESETS)[number];

const PRESET_DAYS: Readonly<Record<DayRangePreset, number>> = { last7: 7, last30: 30, last90: 90 };
const DAY_MS = 86_400_000;
/** Ten years of days: a series longer than this is a mistyped year, not a view anyone wants. */
export const MAX_RANGE_DAYS = 3660;

export interface DayRange {
  /** First day, yyyy-MM-dd (UTC). */
  start: string;
  /** Last day, yyyy-MM-dd (UTC), included. */
  end: string;
  /** How many days the range holds. */
  days: number;
}

/** A range that cannot be shown; the message names the value. */
export class InvalidDayRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDayRangeError';
  }
}

/** The last 7, 30 or 90 UTC days, today included. */
export function presetDayRange(preset: DayRangePreset, now: number): DayRange {
  // Checked against the list, not the record: "toString" must not read as a preset.
  if (!(DAY_RANGE_PRESETS as readonly string[]).includes(preset)) {
    throw new InvalidDayRangeError(`unknown range preset: ${JSON.stringify(String(preset).slice(0, 20))}`);
  }
  const days = PRESET_DAYS[preset];
  if (!Number.isFinite(now)) throw new InvalidDayRangeError(`"now" is not a time: ${String(now)}`);
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return { start: isoDay(today - (days - 1) * DAY_MS), end: isoDay(today), days };
}

/** A range the user typed or picked: real yyyy-MM-dd days (or Dates, read as UTC days), start ≤ end. */
export function customDayRange(start: string | Date, end: string | Date): DayRange {
  const from = dayStart('start', start);
  const to = dayStart('end', end);
  if (from > to) throw new InvalidDayRangeError(`start ${isoDay(from)} is after end ${isoDay(to)}`);
  const days = (to - from) / DAY_MS + 1;
  if (days > MAX_RANGE_DAYS) throw new InvalidDayRangeError(`the range holds ${days} days, more than ${MAX_RANGE_DAYS}`);
  return { start: isoDay(from), end: isoDay(to), days };
}

/** Every day of the range, oldest first, as yyyy-MM-dd. */
export function daysOf(range: DayRange): string[] {
  const from = Date.parse(`${range.start}T00:00:00Z`);
  return Array.from({ length: range.days }, (_, index) => isoDay(from + index * DAY_MS));
}

/** Start of a yyyy-MM-dd UTC day in ms. */
export function utcDayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function dayStart(name: string, value: string | Date): number {
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time) || value.getUTCFullYear() < 1 || value.getUTCFullYear() > 9999) {
      throw new InvalidDayRangeError(`${name} is not a valid date`);
    }
    return Math.floor(time / DAY_MS) * DAY_MS;
  }
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
    throw new InvalidDayRangeError(`${name} must be a real date written yyyy-MM-dd: ${shown}`);
  }
  return utcDayStart(value);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
