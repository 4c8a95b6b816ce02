// Runtype answers for the panel: the account's key totals and the per-key breakdown with last use.
import { plainText } from '../text/untrusted';
import { defaultPanelHealth, runtypeStatuses, statusFields } from './key-status';
import type { PanelUsage } from './panel-usage';
import type { Result } from './protocol';

/** The analytics give the totals and last use; the key list (shared with the Keys view) each key's status. */
export async function runtypeSummary(usage: PanelUsage, signal?: AbortSignal, health = defaultPanelHealth): Promise<Result<'runtype.summary'>> {
  const [summary, statuses] = await Promise.all([usage.runtypeSummary(signal), runtypeStatuses(usage, health(), signal)]);
  return {
    totalKeys: summary.totalKeys,
    activeKeys: summary.activeKeys,
    expiredKeys: summary.expiredKeys,
    asOf: summary.asOf,
    keys: summary.keys.map((key) => ({
      id: plainText(key.keyId, 500),
      ...(key.name ? { name: plainText(key.name, 500) } : {}),
      ...(key.start ? { prefix: plainText(key.start, 500) } : {}),
      active: key.enabled,
      ...(key.lastUsedAt !== undefined ? { lastUsedAt: key.lastUsedAt } : {}),
      ...statusFields(statuses.byKey.get(key.keyId)),
    })),
  };
}
