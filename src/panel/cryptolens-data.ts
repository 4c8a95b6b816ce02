// Cryptolens answers for the panel: a product's keys with lifetime totals and device counts, or one
// key with its devices. Read through the usage service, so the tree's scans are reused.
import { plainText } from '../text/untrusted';
import type { DeviceUsage, LicenseKeySummary } from '../vendors/model';
import type { Scan } from '../usage/scan';
import type { CryptolensStatus, KeyHealth } from '../health/status';
import { cryptolensStatuses, defaultPanelHealth, productLicenses, statusFields } from './key-status';
import type { PanelUsage } from './panel-usage';
import type { Result } from './protocol';

type KeyRow = Result<'cryptolens.product'>['keys'][number];
type DeviceRow = Result<'cryptolens.key'>['devices'][number];

/** A product's keys with their lifetime totals, device counts and status (issue 13: product/GetKeys, read beside the scans). */
export async function cryptolensProduct(usage: PanelUsage, productId: number, signal?: AbortSignal, health = defaultPanelHealth): Promise<Result<'cryptolens.product'>> {
  const [scan, devices, licenses] = await Promise.all([usage.allLicenseKeys(signal), usage.productDevices(productId, signal), productLicenses(usage, productId, signal)]);
  const summaries = scan.items.filter((summary) => summary.productId === productId);
  const statuses = cryptolensStatuses(summaries, licenses, health());
  const counts = deviceCounts(summaries, devices.items);
  return {
    keys: summaries.map((summary) => keyRow(summary, counts.get(summary.licenseKeyId), statuses.byKey.get(summary.licenseKeyId))),
    ...scanLimitOf(scan, devices),
    ...(statuses.note ? { statusNote: statuses.note } : {}),
  };
}

export async function cryptolensKey(usage: PanelUsage, productId: number, licenseKeyId: number, signal?: AbortSignal): Promise<Result<'cryptolens.key'>> {
  const [scan, devices] = await Promise.all([usage.allLicenseKeys(signal), usage.keyDevices(productId, licenseKeyId, signal)]);
  const summary = scan.items.find((candidate) => candidate.productId === productId && candidate.licenseKeyId === licenseKeyId);
  return {
    key: summary ? keyRow(summary, devices.items.length) : null,
    devices: devices.items.map(deviceRow),
    // The account scan matters here only when it missed this key.
    ...scanLimitOf(summary ? { truncated: false, limit: scan.limit } : scan, devices),
  };
}

function deviceCounts(summaries: readonly LicenseKeySummary[], devices: readonly DeviceUsage[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const summary of summaries) counts.set(summary.licenseKeyId, 0);
  for (const device of devices) {
    const keyId = Number(device.keyId);
    if (counts.has(keyId)) counts.set(keyId, (counts.get(keyId) ?? 0) + 1);
  }
  return counts;
}

/** `{ scanLimit }` when any of the reads behind an answer stopped at the limit. */
function scanLimitOf(...scans: ReadonlyArray<Pick<Scan<unknown>, 'truncated' | 'limit'>>): { scanLimit?: number } {
  const cut = scans.find((scan) => scan.truncated);
  return cut ? { scanLimit: cut.limit } : {};
}

function keyRow(summary: LicenseKeySummary, devices: number | undefined, health?: KeyHealth<CryptolensStatus>): KeyRow {
  const counters: Record<string, number> = {};
  for (const [name, value] of Object.entries(summary.counters)) counters[plainText(name, 100)] = value;
  return {
    licenseKeyId: summary.licenseKeyId,
    ...(summary.key ? { key: plainText(summary.key, 500) } : {}),
    requests: summary.totalRequests,
    successful: summary.successful,
    failed: summary.failed,
    ...(summary.firstSeen !== undefined ? { firstSeen: summary.firstSeen } : {}),
    ...(summary.lastSeen !== undefined ? { lastSeen: summary.lastSeen } : {}),
    ...(devices !== undefined ? { devices } : {}),
    counters,
    ...statusFields(health),
  };
}

function deviceRow(device: DeviceUsage): DeviceRow {
  return {
    deviceId: device.deviceId,
    machineCode: plainText(device.machineCode, 500),
    requests: device.totalRequests,
    firstSeen: device.firstSeen,
    lastSeen: device.lastSeen,
  };
}
