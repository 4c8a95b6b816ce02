// The Unkey view's tables: outcomes per time bucket, and outcomes per key/identity/tag. Hidden
// outcomes (legend toggles) leave the table as they leave the chart; Total stays every outcome's sum.
import * as l10n from '@vscode/l10n';
import type { Breakdown, Granularity, Result } from '../../src/panel/protocol';
import type { Column, Table } from '../../src/panel/protocol-data';
import type { Outcome } from '../../src/vendors/model';
import type { Aggregated } from './aggregate';
import { perBucket } from './aggregate';
import { outcomeLabel } from './outcomes';

type BreakdownRow = Result<'unkey.breakdown'>['rows'][number];

export function breakdownLabel(by: Breakdown): string {
  switch (by) {
    case 'key':
      return l10n.t('Key');
    case 'identity':
      return l10n.t('Identity');
    case 'tag':
      return l10n.t('Tag');
    case 'tags':
      return l10n.t('Tag combination');
  }
}

function outcomeColumns(visible: readonly Outcome[]): Column[] {
  return [...visible.map((outcome): Column => ({ key: outcome, label: outcomeLabel(outcome), kind: 'count' })), { key: 'total', label: l10n.t('Total'), kind: 'count' }];
}

export function seriesTitle(aggregated: Aggregated, granularity: Granularity): string {
  return l10n.t('Verification outcomes per {0}', perBucket(aggregated.size, granularity));
}

export function seriesTable(aggregated: Aggregated, granularity: Granularity, visible: readonly Outcome[]): Table {
  const bucketed = aggregated.size > 1;
  const columns: Column[] = [
    { key: 'start', label: l10n.t('Start (UTC)'), kind: 'time' },
    ...(bucketed ? [{ key: 'end', label: l10n.t('End (UTC, exclusive)'), kind: 'time' } as Column] : []),
    ...outcomeColumns(visible),
  ];
  const rows = aggregated.buckets.map((bucket) => [
    bucket.start,
    ...(bucketed ? [bucket.end] : []),
    ...visible.map((outcome) => bucket.outcomes[outcome]),
    bucket.outcomes.total,
  ]);
  return { name: seriesTitle(aggregated, granularity), columns, rows };
}

export function breakdownTitle(by: Breakdown, limit: number, count: number): string {
  if (count < limit) {
    if (by === 'key') return l10n.t('Verifications by key');
    if (by === 'identity') return l10n.t('Verifications by identity');
    if (by === 'tag') return l10n.t('Verifications by tag');
    return l10n.t('Verifications by tag combination');
  }
  if (by === 'key') return l10n.t('Top {0} keys by verifications', limit);
  if (by === 'identity') return l10n.t('Top {0} identities by verifications', limit);
  if (by === 'tag') return l10n.t('Top {0} tags by verifications', limit);
  return l10n.t('Top {0} tag combinations by verifications', limit);
}

export function breakdownTable(rows: readonly BreakdownRow[], by: Breakdown, limit: number, visible: readonly Outcome[]): Table {
  // Beside the key or identity: an identity's id, a key's status word (issue 13).
  const second: Column[] =
    by === 'identity' ? [{ key: 'identityId', label: l10n.t('Identity id'), kind: 'text' }] : by === 'key' ? [{ key: 'status', label: l10n.t('Status'), kind: 'text' }] : [];
  return {
    name: breakdownTitle(by, limit, rows.length),
    columns: [{ key: by, label: by === 'identity' ? l10n.t('External id') : breakdownLabel(by), kind: 'text' }, ...second, ...outcomeColumns(visible)],
    rows: rows.map((row) => [
      row.label,
      ...(by === 'identity' ? [row.id || null] : by === 'key' ? [row.status ?? null] : []),
      ...visible.map((outcome) => row.outcomes[outcome]),
      row.outcomes.total,
    ]),
  };
}
