// Runtype answers for the panel: the account's key totals and the per-key breakdown with last use.
import { plainText } from '../text/untrusted';
import type { PanelUsage } from './panel-usage';
import type { Result } from './protocol';

export async function runtypeSummary(usage: PanelUsage, signal?: AbortSignal): Promise<Result<'runtype.summary'>> {
  const summary = await usage.runtypeSummary(signal);
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
    })),
  };
}
