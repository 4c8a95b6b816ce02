// Unkey answers for the panel, all through usage.unkeyVerifications (v1 and v2 answer alike).
import * as l10n from '@vscode/l10n';
import { plainText } from '../text/untrusted';
import { outcomeCounts, type VerificationSlice } from '../vendors/model';
import type { UnkeyStatus } from '../health/status';
import { defaultPanelHealth, statusFields, unkeyStatuses, type Statuses } from './key-status';
import type { PanelUsage } from './panel-usage';
import type { Breakdown, Params, Result } from './protocol';

export interface UnkeyScope {
  apiId: string;
  keyId?: string;
}

export async function unkeySeries(usage: PanelUsage, scope: UnkeyScope, range: Params<'unkey.series'>, signal?: AbortSignal): Promise<Result<'unkey.series'>> {
  const rows = await usage.unkeyVerifications(
    {
      apiId: scope.apiId,
      start: range.start,
      end: range.end,
      groupBy: [range.granularity],
      ...(scope.keyId !== undefined ? { keyIds: [scope.keyId] } : {}),
    },
    signal,
  );
  const slices = rows.flatMap((row) => (row.time === undefined ? [] : [{ time: row.time, outcomes: outcomeCounts(row.outcomes) }]));
  slices.sort((a, b) => a.time - b.time);
  return { slices };
}

export async function unkeyBreakdown(
  usage: PanelUsage,
  scope: UnkeyScope,
  params: Params<'unkey.breakdown'>,
  signal?: AbortSignal,
  health = defaultPanelHealth,
): Promise<Result<'unkey.breakdown'>> {
  const rows = await usage.unkeyVerifications(
    {
      apiId: scope.apiId,
      start: params.range.start,
      end: params.range.end,
      groupBy: [params.by],
      limit: params.limit,
      orderBy: 'total',
      order: 'desc',
      ...(scope.keyId !== undefined ? { keyIds: [scope.keyId] } : {}),
    },
    signal,
  );
  const grouped = rows.map((row) => ({ keyId: row.keyId, shown: { ...groupOf(row, params.by), outcomes: outcomeCounts(row.outcomes) } }));
  // The vendor orders by total already; a stable re-sort keeps ties in the order it gave.
  grouped.sort((a, b) => b.shown.outcomes.total - a.shown.outcomes.total);
  const top = grouped.slice(0, params.limit);
  // Grouped by key, each shown key's status too (issue 13), read for those keys only.
  const keyIds = top.flatMap(({ keyId }) => (keyId ? [keyId] : []));
  const statuses: Statuses<string, UnkeyStatus> | undefined = params.by === 'key' ? await unkeyStatuses(usage, scope.apiId, keyIds, health(), signal) : undefined;
  return {
    rows: top.map(({ keyId, shown }) => ({ ...shown, ...(statuses && keyId ? statusFields(statuses.byKey.get(keyId)) : {}) })),
    ...(statuses?.note ? { statusNote: statuses.note } : {}),
  };
}

function groupOf(row: VerificationSlice, by: Breakdown): { id: string; label: string } {
  switch (by) {
    case 'key':
      return row.keyId ? { id: plainText(row.keyId), label: plainText(row.keyId) } : { id: '', label: l10n.t('(no key)') };
    case 'identity':
      return row.identity && (row.identity.id || row.identity.externalId)
        ? { id: plainText(row.identity.id), label: plainText(row.identity.externalId || row.identity.id) }
        : { id: '', label: l10n.t('(no identity)') };
    case 'tag':
      return row.tag ? { id: plainText(row.tag), label: plainText(row.tag) } : { id: '', label: l10n.t('(no tag)') };
    case 'tags': {
      const label = plainText((row.tags ?? []).map((tag) => plainText(tag, 200)).join(' + '), 2_000);
      return label ? { id: label, label } : { id: '', label: l10n.t('(no tags)') };
    }
  }
}
