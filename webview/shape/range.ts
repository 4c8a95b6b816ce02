// The ranges the Unkey view offers, as the start/end the vendor takes. Unkey truncates both to the
// hour and includes the slice starting at `end`, so `end` is the start of the current hour. Unkey v2
// keeps 90 days: it is offered only ranges inside them, and older custom dates are clamped, saying so.
import * as l10n from '@vscode/l10n';
import { MAX_SLICES, type Granularity, type UnkeyApiVersion } from '../../src/panel/protocol';
import { earliestSliceStart, UNKEY_V2_RETENTION_DAYS } from '../../src/panel/protocol-retention';
import { addMonths, dayText, DAY_MS, HOUR_MS, parseDay, startOfDay, startOfHour, startOfMonth } from './time';

export const RANGE_PRESETS = ['24h', '7d', '30d', '90d', '12m', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export function presetLabel(preset: RangePreset): string {
  switch (preset) {
    case '24h':
      return l10n.t('Last 24 hours');
    case '7d':
      return l10n.t('Last 7 days');
    case '30d':
      return l10n.t('Last 30 days');
    case '90d':
      return l10n.t('Last 90 days');
    case '12m':
      return l10n.t('Last 12 months');
    case 'custom':
      return l10n.t('Custom dates');
  }
}

/** What each API version offers: v1 keeps its year, v2 its 90 days. */
export function presetsFor(version: UnkeyApiVersion): readonly RangePreset[] {
  return version === 'v2' ? ['24h', '7d', '30d', '90d', 'custom'] : ['24h', '7d', '30d', '12m', 'custom'];
}

/** A preset saved under the other version, as the nearest one this version offers. */
export function offeredPreset(preset: RangePreset, version: UnkeyApiVersion): RangePreset {
  if (presetsFor(version).includes(preset)) return preset;
  return version === 'v2' ? '90d' : '12m';
}

/** The granularity a preset starts with (a person may change it). */
export const PRESET_GRANULARITY: Readonly<Record<RangePreset, Granularity>> = {
  '24h': 'hour',
  '7d': 'day',
  '30d': 'day',
  '90d': 'day',
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

/** `note` says what was changed to fit the vendor (a start clamped to its retention). */
export type RangeResult = { ok: true; range: Range; note?: string } | { ok: false; error: string };

const SLICE_MS: Record<Granularity, number> = { hour: HOUR_MS, day: DAY_MS, month: 31 * DAY_MS };

export function resolveRange(choice: RangeChoice, now: number, version: UnkeyApiVersion): RangeResult {
  const currentHour = startOfHour(now);
  const earliest = earliestSliceStart(version, choice.granularity, now);
  let start: number;
  let end = currentHour;
  let note: string | undefined;
  switch (offeredPreset(choice.preset, version)) {
    case '24h':
      start = currentHour - 23 * HOUR_MS;
      break;
    case '7d':
      start = startOfDay(now) - 6 * DAY_MS;
      break;
    case '30d':
      start = startOfDay(now) - 29 * DAY_MS;
      break;
    case '90d':
      start = startOfDay(now) - 89 * DAY_MS;
      break;
    case '12m':
      start = addMonths(startOfMonth(now), -11);
      break;
    case 'custom': {
      const from = parseDay(choice.from ?? '');
      const to = parseDay(choice.to ?? '');
      if (from === undefined || to === undefined) return { ok: false, error: l10n.t('Enter both dates as yyyy-mm-dd.') };
      if (from > to) return { ok: false, error: l10n.t('The start date is after the end date.') };
      if (from > currentHour) return { ok: false, error: l10n.t('The start date is in the future.') };
      start = from;
      // The last hour of the end day, or the current hour when the range reaches today.
      end = Math.min(to + DAY_MS - HOUR_MS, currentHour);
      if (earliest !== undefined && end < earliest) {
        return { ok: false, error: l10n.t('Unkey v2 keeps {0} days of verifications: choose dates from {1} on.', UNKEY_V2_RETENTION_DAYS, dayText(earliest)) };
      }
      break;
    }
  }
  // Older custom dates, or a preset's first slice (a month, the 90th day) reaching past what v2 keeps:
  // start at the first slice it answers, and say so.
  if (earliest !== undefined && start < earliest) {
    note = l10n.t('Unkey v2 keeps {0} days of verifications: the range starts {1}, not {2}.', UNKEY_V2_RETENTION_DAYS, dayText(earliest), dayText(start));
    start = earliest;
  }
  if (Math.floor((end - start) / SLICE_MS[choice.granularity]) + 1 > MAX_SLICES) {
    return { ok: false, error: tooManySlices(MAX_SLICES.toLocaleString('en-US'), choice.granularity) };
  }
  const range = { start, end: Math.max(end, start + HOUR_MS), granularity: choice.granularity };
  return note ? { ok: true, range, note } : { ok: true, range };
}

/** Custom dates that cover what a preset showed, to start editing from. */
export function customDatesFor(choice: RangeChoice, now: number, version: UnkeyApiVersion): { from: string; to: string } {
  const resolved = resolveRange({ ...choice, preset: choice.preset === 'custom' ? '30d' : choice.preset }, now, version);
  const start = resolved.ok ? resolved.range.start : startOfDay(now) - 29 * DAY_MS;
  return { from: dayText(start), to: dayText(now) };
}

function tooManySlices(max: string, granularity: Granularity): string {
  switch (granularity) {
    case 'hour':
      return l10n.t('That range has more than {0} hours: choose a coarser granularity or fewer days.', max);
    case 'day':
      return l10n.t('That range has more than {0} days: choose a coarser granularity or fewer days.', max);
    case 'month':
      return l10n.t('That range has more than {0} months: choose a coarser granularity or fewer days.', max);
  }
}
