// Runtype's JSON for stored keys: ISO-8601 times with second precision, as its docs print them.
import { isActiveAt, isExpiredAt, type RuntypeKeyRecord } from './seed';

/** "2024-04-25T12:00:00Z"; milliseconds only when there are any. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : isoTime(ms);
}

export function apiKeyJson(key: RuntypeKeyRecord, now: number): Record<string, unknown> {
  return {
    id: key.id,
    name: key.name,
    keyPrefix: key.keyPrefix,
    permissions: key.permissions,
    isActive: isActiveAt(key, now),
    expiresAt: isoOrNull(key.expiresAt),
    lastUsedAt: isoOrNull(key.lastUsedAt),
    createdAt: isoTime(key.createdAt),
    updatedAt: isoTime(key.updatedAt),
    maskedKey: key.maskedKey,
    isTestKey: key.isTestKey,
  };
}

export function listJson(keys: readonly RuntypeKeyRecord[], now: number): Record<string, unknown> {
  return { apiKeys: keys.map((key) => apiKeyJson(key, now)), total: keys.length, timestamp: isoTime(now) };
}

/** `GET /v1/api-keys/analytics`, field for field as on the seed page. */
export function analyticsJson(keys: readonly RuntypeKeyRecord[], now: number): Record<string, unknown> {
  return {
    analytics: {
      totalKeys: keys.length,
      activeKeys: keys.filter((key) => isActiveAt(key, now)).length,
      expiredKeys: keys.filter((key) => isExpiredAt(key, now)).length,
      keyBreakdown: keys.map((key) => ({
        id: key.id,
        name: key.name,
        keyPrefix: key.keyPrefix,
        lastUsedAt: isoOrNull(key.lastUsedAt),
        isActive: isActiveAt(key, now),
      })),
    },
    timestamp: isoTime(now),
  };
}

export function keyAnalyticsJson(key: RuntypeKeyRecord, now: number): Record<string, unknown> {
  return { analytics: { lastUsedAt: isoOrNull(key.lastUsedAt) }, timestamp: isoTime(now) };
}
