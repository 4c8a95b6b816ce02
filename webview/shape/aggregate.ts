// Long series drawn as fewer bars: consecutive slices summed into buckets of a "nice" size (2 h,
// 6 h, 1 day, 1 week…) so a year of hourly data stays fast and legible. The table shows the same
// buckets as the chart, and export writes them, so all three always agree.
import * as l10n from '@vscode/l10n';
import { addOutcomes, zeroOutcomes, type OutcomeCounts } from '../../src/vendors/model';
import type { Granularity } from '../../src/panel/protocol';
import { nextSlice } from './time';

export interface Slice {
  time: number;
  outcomes: OutcomeCounts;
}

export interface Bucket {
  start: number;
  /** Start of the slice after the bucket's last one (exclusive end). */
  end: number;
  slices: number;
  outcomes: OutcomeCounts;
}

export interface Aggregated {
  buckets: Bucket[];
  /** Slices per bucket; 1 when the series is shown as it came. */
  size: number;
}

/** At most this many bars: about two pixels per bar on a laptop-wide panel, still a bar each. */
export const MAX_BARS = 400;

const NICE_SIZES: Readonly<Record<Granularity, readonly number[]>> = {
  hour: [1, 2, 3, 4, 6, 12, 24, 48, 168, 336, 720],
  day: [1, 2, 3, 7, 14, 28, 91],
  month: [1, 2, 3, 6, 12],
};

export function bucketSize(count: number, granularity: Granularity, maxBars = MAX_BARS): number {
  const sizes = NICE_SIZES[granularity];
  return sizes.find((size) => Math.ceil(count / size) <= maxBars) ?? Math.ceil(count / maxBars);
}

/** `slices` must be sorted by time. */
export function aggregate(slices: readonly Slice[], granularity: Granularity, maxBars = MAX_BARS): Aggregated {
  const size = bucketSize(slices.length, granularity, maxBars);
  const buckets: Bucket[] = [];
  for (let index = 0; index < slices.length; index += size) {
    const group = slices.slice(index, index + size);
    const first = group[0];
    const last = group[group.length - 1];
    if (!first || !last) continue;
    const outcomes = zeroOutcomes();
    for (const slice of group) addOutcomes(outcomes, slice.outcomes);
    buckets.push({ start: first.time, end: nextSlice(last.time, granularity), slices: group.length, outcomes });
  }
  return { buckets, size };
}

/** How long one bucket is in the largest whole unit: 12 hours, 1 day, 2 weeks. */
export function bucketUnit(size: number, granularity: Granularity): { count: number; unit: Granularity | 'week' } {
  if (granularity === 'hour' && size % 168 === 0) return { count: size / 168, unit: 'week' };
  if (granularity === 'hour' && size % 24 === 0) return { count: size / 24, unit: 'day' };
  if (granularity === 'day' && size % 7 === 0) return { count: size / 7, unit: 'week' };
  return { count: size, unit: granularity };
}

/** The granularity a bucket's start reads best at: a day-long bucket of hours is labelled by day. */
export function labelGranularity(size: number, granularity: Granularity): Granularity {
  const { unit } = bucketUnit(size, granularity);
  return unit === 'day' || unit === 'week' ? 'day' : granularity;
}

/** "12 hours", "1 day", "1 week": for the note under the chart. */
export function bucketLength(size: number, granularity: Granularity): string {
  const { count, unit } = bucketUnit(size, granularity);
  switch (unit) {
    case 'hour':
      return count === 1 ? l10n.t('1 hour') : l10n.t('{0} hours', count);
    case 'day':
      return count === 1 ? l10n.t('1 day') : l10n.t('{0} days', count);
    case 'week':
      return count === 1 ? l10n.t('1 week') : l10n.t('{0} weeks', count);
    case 'month':
      return count === 1 ? l10n.t('1 month') : l10n.t('{0} months', count);
  }
}

/** "day", "12 hours": what one bar stands for, for titles ("… per day"). */
export function perBucket(size: number, granularity: Granularity): string {
  const { count, unit } = bucketUnit(size, granularity);
  if (count !== 1) return bucketLength(size, granularity);
  switch (unit) {
    case 'hour':
      return l10n.t('hour');
    case 'day':
      return l10n.t('day');
    case 'week':
      return l10n.t('week');
    case 'month':
      return l10n.t('month');
  }
}
