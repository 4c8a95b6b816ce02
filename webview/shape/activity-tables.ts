// Activity (issue 14) as the panel shows and exports it: requests per UTC day with its range tiles, a
// Cryptolens key's recent events with a count per event kind, an Unkey key's recent verifications.
// Every table here is exactly what its card shows; export writes these tables.
import * as l10n from '@vscode/l10n';
import type { DailyPointRow, LicenseEventRow, VerificationRow } from '../../src/panel/protocol-activity';
import type { Table } from '../../src/panel/protocol-data';
import { formatCount, formatRate } from '../../src/text/format';

/** A headline number (ui/tiles.ts draws it); declared here so shaping needs no DOM. */
export interface Tile {
  label: string;
  value: string;
  detail?: string;
}

/** Columns of the requests-per-day table, in this order. */
export const DAILY_COLUMNS = ['Date', 'Successful', 'Failed', 'Total', 'Active keys', 'Active devices', 'Active customers'] as const;

export function dailyTable(points: readonly DailyPointRow[]): Table {
  return {
    name: l10n.t('Requests per day'),
    columns: [
      { key: 'date', label: l10n.t('Date'), kind: 'text' },
      { key: 'successful', label: l10n.t('Successful'), kind: 'count' },
      { key: 'failed', label: l10n.t('Failed'), kind: 'count' },
      { key: 'total', label: l10n.t('Total'), kind: 'count' },
      { key: 'activeKeys', label: l10n.t('Active keys'), kind: 'count' },
      { key: 'activeDevices', label: l10n.t('Active devices'), kind: 'count' },
      { key: 'activeCustomers', label: l10n.t('Active customers'), kind: 'count' },
    ],
    rows: points.map((point) => [point.date, point.successful, point.failed, point.total, point.activeKeys, point.activeDevices, point.activeCustomers]),
  };
}

export interface DailyTotals {
  requests: number;
  successful: number;
  failed: number;
  /** The day with the most requests (the earliest of ties); undefined when the range has none. */
  peak: { date: string; total: number } | undefined;
}

export function dailyTotals(points: readonly DailyPointRow[]): DailyTotals {
  let requests = 0;
  let successful = 0;
  let failed = 0;
  let peak: DailyTotals['peak'];
  for (const point of points) {
    requests += point.total;
    successful += point.successful;
    failed += point.failed;
    if (point.total > 0 && (peak === undefined || point.total > peak.total)) peak = { date: point.date, total: point.total };
  }
  return { requests, successful, failed, peak };
}

/** Requests, success rate and peak day over the range. */
export function dailyTiles(points: readonly DailyPointRow[]): Tile[] {
  const totals = dailyTotals(points);
  return [
    { label: l10n.t('Requests in range'), value: formatCount(totals.requests), detail: l10n.t('{0} days', formatCount(points.length)) },
    { label: l10n.t('Success rate'), value: formatRate(totals.successful, totals.requests), detail: l10n.t('{0} failed', formatCount(totals.failed)) },
    { label: l10n.t('Peak day'), value: totals.peak?.date ?? '—', ...(totals.peak ? { detail: l10n.t('{0} requests', formatCount(totals.peak.total)) } : {}) },
  ];
}

/** Columns of the recent-events table, in this order. */
export const EVENT_COLUMNS = ['Time', 'Machine code', 'Friendly name', 'Event'] as const;

export function eventsTable(events: readonly LicenseEventRow[]): Table {
  return {
    name: l10n.t('Recent events'),
    columns: [
      { key: 'time', label: l10n.t('Time'), kind: 'time' },
      { key: 'machineCode', label: l10n.t('Machine code'), kind: 'text' },
      { key: 'friendlyName', label: l10n.t('Friendly name'), kind: 'text' },
      { key: 'event', label: l10n.t('Event'), kind: 'text' },
    ],
    rows: events.map((event) => [event.time, event.machineCode ?? null, event.friendlyName ?? null, event.event]),
  };
}

/** The tooltip of an event's cell: its raw state code, and the anomaly flag when set. */
export function eventTitle(event: LicenseEventRow): string {
  return `State code ${event.state}${event.anomaly ? ' · flagged as an anomaly' : ''}`;
}

export interface EventKindCount {
  event: string;
  outcome: LicenseEventRow['outcome'];
  count: number;
}

/** How many of the shown events are of each kind, the most frequent first (ties by name). */
export function eventKinds(events: readonly LicenseEventRow[]): EventKindCount[] {
  const counts = new Map<string, EventKindCount>();
  for (const event of events) {
    const seen = counts.get(event.event);
    if (seen) seen.count += 1;
    else counts.set(event.event, { event: event.event, outcome: event.outcome, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.event.localeCompare(b.event));
}

export function eventKindsTable(events: readonly LicenseEventRow[]): Table {
  return {
    name: l10n.t('Events by kind'),
    columns: [
      { key: 'event', label: l10n.t('Event'), kind: 'text' },
      { key: 'count', label: l10n.t('Count'), kind: 'count' },
    ],
    rows: eventKinds(events).map((kind) => [kind.event, kind.count]),
  };
}

export function anomalyCount(events: readonly LicenseEventRow[]): number {
  return events.filter((event) => event.anomaly === true).length;
}

export function verificationsTable(rows: readonly VerificationRow[]): Table {
  return {
    name: l10n.t('Recent verifications'),
    columns: [
      { key: 'time', label: l10n.t('Time'), kind: 'time' },
      { key: 'outcome', label: l10n.t('Outcome'), kind: 'text' },
      { key: 'region', label: l10n.t('Region'), kind: 'text' },
      { key: 'tags', label: l10n.t('Tags'), kind: 'text' },
    ],
    rows: rows.map((row) => [row.time, row.outcome, row.region, row.tags.join(', ')]),
  };
}

/** "2025-01-13 09:00:05" (UTC): single events are seconds apart. */
export function secondLabel(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** A refusal for want of a permission reads differently from a failure: Retry would be refused again. */
export function isPermissionMessage(message: string): boolean {
  return /access denied|permission|not permitted|forbidden/i.test(message);
}
