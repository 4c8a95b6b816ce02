// Runtype JSON (ISO-8601 times, `keyPrefix`, `isActive`) to Keyscope's vendor-neutral model (Unix ms).
import type { ApiKey, KeyActivitySummary } from '../model';
import type { RuntypeAnalytics, RuntypeApiKey, RuntypeKeyAnalytics, RuntypeKeyBreakdown } from './schemas';

/** The schemas already checked the format, so this only converts; null and absent become undefined. */
export function isoToMs(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  return Date.parse(value);
}

function requiredMs(value: string): number {
  return Date.parse(value);
}

export function mapApiKey(key: RuntypeApiKey): ApiKey {
  return compact<ApiKey>({ ...mapBreakdown(key), createdAt: requiredMs(key.createdAt), expiresAt: isoToMs(key.expiresAt) });
}

/** The fields the analytics breakdown and the key list both have. */
export function mapBreakdown(key: RuntypeKeyBreakdown): ApiKey {
  return compact<ApiKey>({
    vendor: 'runtype',
    keyId: key.id,
    name: key.name ?? undefined,
    start: key.keyPrefix,
    enabled: key.isActive,
    lastUsedAt: isoToMs(key.lastUsedAt),
  });
}

export function mapAnalytics(body: RuntypeAnalytics): KeyActivitySummary {
  const { analytics } = body;
  return {
    totalKeys: analytics.totalKeys,
    activeKeys: analytics.activeKeys,
    expiredKeys: analytics.expiredKeys,
    keys: analytics.keyBreakdown.map(mapBreakdown),
    asOf: requiredMs(body.timestamp),
  };
}

export interface KeyLastUse {
  /** Undefined when the key was never used. */
  lastUsedAt?: number;
  asOf: number;
}

export function mapKeyAnalytics(body: RuntypeKeyAnalytics): KeyLastUse {
  const lastUsedAt = isoToMs(body.analytics.lastUsedAt);
  const asOf = requiredMs(body.timestamp);
  return lastUsedAt === undefined ? { asOf } : { lastUsedAt, asOf };
}

/** Optional model fields are absent rather than present-but-undefined, so results compare cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
