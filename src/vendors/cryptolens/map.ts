// Cryptolens rows → the vendor-neutral model: seconds become milliseconds, an empty key string means
// the key was deleted, and optional counters appear only when the vendor sent them.
import type { DeviceUsage, LicenseKeySummary } from '../model';
import { SUMMARY_COUNTERS, type KeyDeviceJson, type KeyUsageSummaryJson } from './schemas';

export function toLicenseKeySummary(row: KeyUsageSummaryJson): LicenseKeySummary {
  const counters: Record<string, number> = {};
  for (const name of SUMMARY_COUNTERS) {
    const value = row[name];
    if (typeof value === 'number') counters[name] = value;
  }
  return {
    vendor: 'cryptolens',
    summaryId: row.id,
    productId: row.productId,
    licenseKeyId: row.keyId,
    keyId: String(row.keyId),
    scopeId: String(row.productId),
    key: keyOrUndefined(row.key),
    totalRequests: row.totalRequests,
    successful: row.totalSuccessful,
    failed: row.totalFailed,
    firstSeen: secondsToMs(row.firstSeenUtc),
    lastSeen: secondsToMs(row.lastSeenUtc),
    counters,
  };
}

export function toDeviceUsage(row: KeyDeviceJson): DeviceUsage {
  return {
    vendor: 'cryptolens',
    deviceId: row.id,
    productId: row.productId,
    keyId: String(row.keyId),
    key: keyOrUndefined(row.key),
    machineCode: row.machineCode,
    totalRequests: row.totalRequests,
    firstSeen: row.firstSeenUtc * 1000,
    lastSeen: row.lastSeenUtc * 1000,
  };
}

function keyOrUndefined(key: string | null): string | undefined {
  return key === null || key === '' ? undefined : key;
}

function secondsToMs(seconds: number | null): number | undefined {
  return seconds === null ? undefined : seconds * 1000;
}
