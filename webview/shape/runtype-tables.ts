// The Runtype view's tables: keys by state, keys by last use, and every key with its last use.
import * as l10n from '@vscode/l10n';
import type { Result } from '../../src/panel/protocol';
import type { Table } from '../../src/panel/protocol-data';
import { DAY_MS } from './time';

export type RuntypeSummary = Result<'runtype.summary'>;

export function stateTable(summary: RuntypeSummary): Table {
  const otherInactive = Math.max(0, summary.totalKeys - summary.activeKeys - summary.expiredKeys);
  return {
    name: l10n.t('Keys by state'),
    columns: [
      { key: 'state', label: l10n.t('State'), kind: 'text' },
      { key: 'keys', label: l10n.t('Keys'), kind: 'count' },
    ],
    rows: [
      [l10n.t('Active'), summary.activeKeys],
      [l10n.t('Expired'), summary.expiredKeys],
      [l10n.t('Inactive, not expired'), otherInactive],
    ],
  };
}

const LAST_USE = (): readonly { label: string; withinDays: number }[] => [
  { label: l10n.t('Last 24 hours'), withinDays: 1 },
  { label: l10n.t('1–7 days ago'), withinDays: 7 },
  { label: l10n.t('7–30 days ago'), withinDays: 30 },
  { label: l10n.t('30–90 days ago'), withinDays: 90 },
  { label: l10n.t('More than 90 days ago'), withinDays: Number.POSITIVE_INFINITY },
];

/** How recently keys were used, relative to the vendor's own timestamp (not this machine's clock). */
export function lastUseTable(summary: RuntypeSummary): Table {
  const buckets = LAST_USE();
  const counts = buckets.map(() => 0);
  let never = 0;
  for (const key of summary.keys) {
    if (key.lastUsedAt === undefined) {
      never += 1;
      continue;
    }
    const days = Math.max(0, summary.asOf - key.lastUsedAt) / DAY_MS;
    const index = buckets.findIndex((bucket) => days <= bucket.withinDays);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return {
    name: l10n.t('Keys by last use'),
    columns: [
      { key: 'lastUse', label: l10n.t('Last used'), kind: 'text' },
      { key: 'keys', label: l10n.t('Keys'), kind: 'count' },
    ],
    rows: [...buckets.map((bucket, index): [string, number] => [bucket.label, counts[index] ?? 0]), [l10n.t('Never'), never]],
  };
}

/** Where keysTable puts each key's status word and its id. */
export const STATUS_COLUMN = 2;
export const ID_COLUMN = 5;

export function keysTable(summary: RuntypeSummary): Table {
  return {
    name: l10n.t('API keys'),
    columns: [
      { key: 'name', label: l10n.t('Name'), kind: 'text' },
      { key: 'prefix', label: l10n.t('Prefix'), kind: 'text' },
      { key: 'status', label: l10n.t('Status'), kind: 'text' },
      { key: 'state', label: l10n.t('State'), kind: 'text' },
      { key: 'lastUsedAt', label: l10n.t('Last used (UTC)'), kind: 'time' },
      { key: 'id', label: l10n.t('Id'), kind: 'text' },
    ],
    rows: summary.keys.map((key) => [key.name ?? null, key.prefix ?? null, key.status ?? null, key.active ? l10n.t('Active') : l10n.t('Inactive'), key.lastUsedAt ?? null, key.id]),
  };
}
