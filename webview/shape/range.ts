// The ranges the Unkey view offers, as the start/end the vendor takes. Unkey truncates both to the
// hour and includes the slice starting at `end`, so `end` is the start of the current hour.
import { MAX_SLICES, type Granularity } from '../../src/panel/protocol';
import { addMonths, dayText, DAY_MS, HOUR_MS, parseDay, startOfDay, startOfHour, startOfMonth } from './time';

export const RANGE_PRESETS = ['24h', '7d', '30d', '12m', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const PRESET_LABELS: Readonly<Record<RangePreset, string>> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '12m': 'Last 12 months',
  custom: 'Custom dates',
};

/** The granularity a preset starts with (a person may change it). */
export const PRESET_GRANULARITY: Readonly<Record<RangePreset, Granularity>> = {
  '24h': 'hour',
  '7d': 'day',
  '30d': 'day',
  '12m': 'month',
  custom: 'day',
};

export interface RangeChoice {
  preset: RangePreset;
  granularity: Granularity;
  /** Custom dates, "yyyy-mm-dd", both inclusive (UTC days). */
  from?: string;
  to?: string;
}

export interface Range {
  start: number;
  end: number;
  granularity: Granularity;
}

export type RangeResult = { ok: true; range: Range } | { ok: false; error: string };

const SLICE_MS: Record<Granularity, number> = { hour: HOUR_MS, day: DAY_MS, month: 31 * DAY_MS };

export function resolveRange(choice: RangeChoice, now: number): RangeResult {
  const currentHour = startOfHour(now);
  let start: number;
  let end = currentHour;
  switch (choice.preset) {
    case '24h':
      start = currentHour - 23 * HOUR_MS;
      break;
    case '7d':
      start = startOfDay(now) - 6 * DAY_MS;
      break;
    case '30d':
      start = startOfDay(now) - 29 * DAY_MS;
      break;
    case '12m':
      start = addMonths(startOfMonth(now), -11);
      break;
    case 'custom': {
      const from = parseDay(choice.from ?? '');
      const to = parseDay(choice.to ?? '');
      if (from === undefined || to === undefined) return { ok: false, error: 'Enter both dates as yyyy-mm-dd.' };
      if (from > to) return { ok: false, error: 'The start date is after the end date.' };
      if (from > currentHour) return { ok: false, error: 'The start date is in the future.' };
      start = from;
      // The last hour of the end day, or the current hour when the range reaches today.
      end = Math.min(to + DAY_MS - HOUR_MS, currentHour);
      break;
    }
  }
  if (Math.floor((end - start) / SLICE_MS[choice.granularity]) + 1 > MAX_SLICES) {
    return { ok: false, error: `That range has more than ${MAX_SLICES.toLocaleString('en-US')} ${choice.granularity}s: choose a coarser granularity or fewer days.` };
  }
  return { ok: true, range: { start, end: Math.max(end, start + HOUR_MS), granularity: choice.granularity } };
}

/** Custom dates that cover what a preset showed, to start editing from. */
export function customDatesFor(choice: RangeChoice, now: number): { from: string; to: string } {
  const resolved = resolveRange({ ...choice, preset: choice.preset === 'custom' ? '30d' : choice.preset }, now);
  const start = resolved.ok ? resolved.range.start : startOfDay(now) - 29 * DAY_MS;
  return { from: dayText(start), to: dayText(now) };
}
