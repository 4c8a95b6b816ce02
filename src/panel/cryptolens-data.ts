// Cryptolens answers for the panel: a product's keys with lifetime totals and device counts, or one
// key with its devices. Read through the usage service, so the tree's scans are reused.
import { plainText } from '../text/untrusted';
import type { DeviceUsage, LicenseKeySummary } from '../vendors/model';
import type { PanelUsage } from './panel-usage';
import type { Result } from './protocol';

type KeyRow = Result<'cryptolens.product'>['keys'][number];
type DeviceRow = Result<'cryptolens.key'>['devices'][number];

export async function cryptolensProduct(usage: PanelUsage, productId: number, signal?: AbortSignal): Promise<Result<'cryptolens.product'>> {
  const summaries = (await usage.allLicenseKeys(signal)).filter((summary) => summary.productId === productId);
  const devices = await deviceCounts(usage, productId, summaries, signal);
  return { keys: summaries.map((summary) => keyRow(summary, devices.get(summary.licenseKeyId))) };
}

export async function cryptolensKey(usage: PanelUsage, productId: number, licenseKeyId: number, signal?: AbortSignal): Promise<Result<'cryptolens.key'>> {
  const [summaries, devices] = await Promise.all([usage.allLicenseKeys(signal), usage.keyDevices(productId, licenseKeyId, signal)]);
  const summary = summaries.find((candidate) => candidate.productId === productId && candidate.licenseKeyId === licenseKeyId);
  return {
    key: summary ? keyRow(summary, devices.length) : null,
    devices: devices.map(deviceRow),
  };
}

async function deviceCounts(
  usage: PanelUsage,
  productId: number,
  summaries: readonly LicenseKeySummary[],
  signal: AbortSignal | undefined,
): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const summary of summaries) counts.set(summary.licenseKeyId, 0);
  for (const device of await usage.productDevices(productId, signal)) {
    const keyId = Number(device.keyId);
    if (counts.has(keyId)) counts.set(keyId, (counts.get(keyId) ?? 0) + 1);
  }
  return counts;
}

function keyRow(summary: LicenseKeySummary, devices: number | undefined): KeyRow {
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
