// Account-wide reads stop at a limit (keyscope.cryptolens.maxScanKeys): an account of a million keys
// must not cost a hover a thousand requests and the editor a gigabyte. What a limit cut short says so,
// wherever it is shown ("first 50,000 keys").
import * as l10n from '@vscode/l10n';
import { formatCount } from '../text/format';
import type { Page } from '../vendors/model';

export const DEFAULT_MAX_SCAN_KEYS = 50_000;
/** One page: fewer would make the limit cost more requests than it saves. */
export const MIN_MAX_SCAN_KEYS = 1_000;
/** About 30 MB of summaries kept in memory (byte-size.ts), and 100 requests a scan. */
export const MAX_MAX_SCAN_KEYS = 100_000;

export interface Scan<T> {
  /** At most `limit` rows, in the vendor's order. */
  items: T[];
  /** True when the vendor had more rows than the limit let Keyscope read. */
  truncated: boolean;
  limit: number;
}

/** The setting's value as Keyscope uses it: a whole number within the bounds package.json declares. */
export function clampScanLimit(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_MAX_SCAN_KEYS;
  return Math.min(MAX_MAX_SCAN_KEYS, Math.max(MIN_MAX_SCAN_KEYS, Math.floor(value)));
}

/** Reads pages until the vendor has no more or `limit` rows are in; stopping early asks for no further page. */
export async function collectScan<T>(pages: AsyncIterable<Page<T>>, limit: number): Promise<Scan<T>> {
  const items: T[] = [];
  for await (const page of pages) {
    const room = limit - items.length;
    items.push(...page.items.slice(0, room));
    if (page.items.length > room || (items.length >= limit && page.nextCursor !== undefined)) return { items, truncated: true, limit };
    if (items.length >= limit) break;
  }
  return { items, truncated: false, limit };
}

/** "first 50,000 keys": how a cut-short scan is named wherever it shows. */
export function scanLimitText(scan: Pick<Scan<unknown>, 'limit'>, what: 'keys' | 'devices'): string {
  return what === 'keys' ? l10n.t('first {0} keys', formatCount(scan.limit)) : l10n.t('first {0} devices', formatCount(scan.limit));
}
