// The Runtype view's tables: keys by state, keys by last use, and every key with its last use.
import type { Result } from '../../src/panel/protocol';
import type { Table } from '../../src/panel/protocol-data';
import { DAY_MS } from './time';

export type RuntypeSummary = Result<'runtype.summary'>;

export function stateTable(summary: RuntypeSummary): Table {
  const otherInactive = Math.max(0, summary.totalKeys - summary.activeKeys - summary.expiredKeys);
  return {
    name: 'Keys by state',
    columns: [
      { key: 'state', label: 'State', kind: 'text' },
      { key: 'keys', label: 'Keys', kind: 'count' },
    ],
    rows: [
      ['Active', summary.activeKeys],
      ['Expired', summary.expiredKeys],
      ['Inactive, not expired', otherInactive],
    ],
  };
}

const LAST_USE: readonly { label: string; withinDays: number }[] = [
  { label: 'Last 24 hours', withinDays: 1 },
  { label: '1–7 days ago', withinDays: 7 },
  { label: '7–30 days ago', withinDays: 30 },
  { label: '30–90 days ago', withinDays: 90 },
  { label: 'More than 90 days ago', withinDays: Number.POSITIVE_INFINITY },
];

/** How recently keys were used, relative to the vendor's own timestamp (not this machine's clock). */
export function lastUseTable(summary: RuntypeSummary): Table {
  const counts = LAST_USE.map(() => 0);
  let never = 0;
  for (const key of summary.keys) {
    if (key.lastUsedAt === undefined) {
      never += 1;
      continue;
    }
    const days = Math.max(0, summary.asOf - key.lastUsedAt) / DAY_MS;
    const index = LAST_USE.findIndex((bucket) => days <= bucket.withinDays);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return {
    name: 'Keys by last use',
    columns: [
      { key: 'lastUse', label: 'Last used', kind: 'text' },
      { key: 'keys', label: 'Keys', kind: 'count' },
    ],
    rows: [...LAST_USE.map((bucket, index): [string, number] => [bucket.label, counts[index] ?? 0]), ['Never', never]],
  };
}

/** Where keysTable puts each key's status word and its id. */
export const STATUS_COLUMN = 2;
export const ID_COLUMN = 5;

export function keysTable(summary: RuntypeSummary): Table {
  return {
    name: 'API keys',
    columns: [
      { key: 'name', label: 'Name', kind: 'text' },
      { key: 'prefix', label: 'Prefix', kind: 'text' },
      { key: 'status', label: 'Status', kind: 'text' },
      { key: 'state', label: 'State', kind: 'text' },
      { key: 'lastUsedAt', label: 'Last used (UTC)', kind: 'time' },
      { key: 'id', label: 'Id', kind: 'text' },
    ],
    rows: summary.keys.map((key) => [key.name ?? null, key.prefix ?? null, key.status ?? null, key.active ? 'Active' : 'Inactive', key.lastUsedAt ?? null, key.id]),
  };
}
