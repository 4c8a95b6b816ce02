// The Unkey view's tables: outcomes per time bucket, and outcomes per key/identity/tag. Hidden
// outcomes (legend toggles) leave the table as they leave the chart; Total stays every outcome's sum.
import type { Breakdown, Granularity, Result } from '../../src/panel/protocol';
import type { Column, Table } from '../../src/panel/protocol-data';
import type { Outcome } from '../../src/vendors/model';
import type { Aggregated } from './aggregate';
import { perBucket } from './aggregate';
import { OUTCOME_LABELS } from './outcomes';

type BreakdownRow = Result<'unkey.breakdown'>['rows'][number];

export const BREAKDOWN_LABELS: Readonly<Record<Breakdown, string>> = {
  key: 'Key',
  identity: 'Identity',
  tag: 'Tag',
  tags: 'Tag combination',
};

function outcomeColumns(visible: readonly Outcome[]): Column[] {
  return [...visible.map((outcome): Column => ({ key: outcome, label: OUTCOME_LABELS[outcome], kind: 'count' })), { key: 'total', label: 'Total', kind: 'count' }];
}

export function seriesTitle(aggregated: Aggregated, granularity: Granularity): string {
  return `Verification outcomes per ${perBucket(aggregated.size, granularity)}`;
}

export function seriesTable(aggregated: Aggregated, granularity: Granularity, visible: readonly Outcome[]): Table {
  const bucketed = aggregated.size > 1;
  const columns: Column[] = [
    { key: 'start', label: 'Start (UTC)', kind: 'time' },
    ...(bucketed ? [{ key: 'end', label: 'End (UTC, exclusive)', kind: 'time' } as Column] : []),
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
  const noun = by === 'tags' ? 'tag combinations' : by === 'identity' ? 'identities' : `${by}s`;
  return count >= limit ? `Top ${limit} ${noun} by verifications` : `Verifications by ${by === 'tags' ? 'tag combination' : by}`;
}

export function breakdownTable(rows: readonly BreakdownRow[], by: Breakdown, limit: number, visible: readonly Outcome[]): Table {
  // Beside the key or identity: an identity's id, a key's status word (issue 13).
  const second: Column[] =
    by === 'identity' ? [{ key: 'identityId', label: 'Identity id', kind: 'text' }] : by === 'key' ? [{ key: 'status', label: 'Status', kind: 'text' }] : [];
  return {
    name: breakdownTitle(by, limit, rows.length),
    columns: [{ key: by, label: by === 'identity' ? 'External id' : BREAKDOWN_LABELS[by], kind: 'text' }, ...second, ...outcomeColumns(visible)],
    rows: rows.map((row) => [
      row.label,
      ...(by === 'identity' ? [row.id || null] : by === 'key' ? [row.status ?? null] : []),
      ...visible.map((outcome) => row.outcomes[outcome]),
      row.outcomes.total,
    ]),
  };
}
