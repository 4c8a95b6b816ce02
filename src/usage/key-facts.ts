// What a hover or a lookup result shows about one key, whichever vendor it comes from. Strings here
// are raw vendor text: whoever renders them passes them through src/text/untrusted.ts.
import { addOutcomes, zeroOutcomes, type ApiKey, type DeviceUsage, type LicenseKeySummary, type OutcomeCounts, type KeyReference } from '../vendors/model';
import type { VendorId } from '../vendor-id';
import { scanLimitText, type Scan } from './scan';
import type { KeyHealth } from '../health/status';

export interface UsageTotals {
  total: number;
  successful: number;
  failed: number;
  /** "lifetime" or "last 30 days". */
  period: string;
  /** Per-outcome counts, where the vendor keeps them (Unkey). */
  outcomes?: OutcomeCounts;
}

export interface KeyFacts {
  vendor: VendorId;
  /** What "Open in Keyscope Analytics" and the copy actions act on. */
  reference: KeyReference;
  /** "license key", "key", "API", "API key", "device". */
  kind: string;
  /** The key as a person knows it: its string, name, prefix or id. */
  title: string;
  /** Other identifying facts, in display order: [label, value]. */
  details: ReadonlyArray<readonly [string, string]>;
  totals?: UsageTotals;
  /** Distinct devices (machine codes); `more` when only a first page was counted. */
  devices?: { count: number; more: boolean };
  firstSeen?: number;
  lastSeen?: number;
  /** Active / expired / disabled, where the vendor says. */
  state?: string;
  /** What this vendor does not tell, said once instead of showing empty fields. */
  note?: string;
  /** Is this key OK: its status word and why (src/health); absent when it could not be read. */
  health?: KeyHealth;
}

/** The facts with their health, when there is one. */
export function withHealth(facts: KeyFacts, health: KeyHealth | undefined): KeyFacts {
  return health ? { ...facts, health } : facts;
}

export function cryptolensKeyFacts(summary: LicenseKeySummary, devices?: { count: number; more: boolean }): KeyFacts {
  const reference: KeyReference = {
    vendor: 'cryptolens',
    scopeId: String(summary.productId),
    keyId: String(summary.licenseKeyId),
    ...(summary.key ? { key: summary.key } : {}),
  };
  return {
    vendor: 'cryptolens',
    reference,
    kind: 'license key',
    title: summary.key || `Key #${summary.licenseKeyId} (deleted)`,
    details: [
      ['Product', String(summary.productId)],
      ['Key id', String(summary.licenseKeyId)],
    ],
    totals: { total: summary.totalRequests, successful: summary.successful, failed: summary.failed, period: 'lifetime' },
    ...(devices ? { devices } : {}),
    ...(summary.firstSeen !== undefined ? { firstSeen: summary.firstSeen } : {}),
    ...(summary.lastSeen !== undefined ? { lastSeen: summary.lastSeen } : {}),
  };
}

/** A license key that exists (the vendor did not say "Could not find the key.") but has no usage yet. */
export function unusedCryptolensKeyFacts(key: { productId?: number; key?: string; keyId?: number }): KeyFacts {
  const details: Array<[string, string]> = [];
  if (key.productId !== undefined) details.push(['Product', String(key.productId)]);
  if (key.keyId !== undefined) details.push(['Key id', String(key.keyId)]);
  return {
    vendor: 'cryptolens',
    reference: {
      vendor: 'cryptolens',
      ...(key.productId !== undefined ? { scopeId: String(key.productId) } : {}),
      ...(key.keyId !== undefined ? { keyId: String(key.keyId) } : {}),
      ...(key.key !== undefined ? { key: key.key } : {}),
    },
    kind: 'license key',
    title: key.key ?? `Key #${key.keyId ?? '?'}`,
    details,
    totals: { total: 0, successful: 0, failed: 0, period: 'lifetime' },
    note: 'No usage recorded for this key yet.',
  };
}

/** A key string not among the keys a cut-short scan read: it may exist; a lookup asks the vendor. */
export function unscannedCryptolensKeyFacts(key: string, scan: Pick<Scan<unknown>, 'limit'>): KeyFacts {
  return {
    vendor: 'cryptolens',
    reference: { vendor: 'cryptolens', key },
    kind: 'license key',
    title: key,
    details: [],
    note: `Not among the ${scanLimitText(scan, 'keys')} Keyscope read (keyscope.cryptolens.maxScanKeys); Look Up Key Usage asks Cryptolens about it.`,
  };
}

export function deviceFacts(device: DeviceUsage): KeyFacts {
  return {
    vendor: 'cryptolens',
    // Opening the panel from a device opens its key's panel on this machine code's events.
    reference: { vendor: 'cryptolens', scopeId: String(device.productId), keyId: device.keyId, ...(device.key ? { key: device.key } : {}), machineCode: device.machineCode },
    kind: 'device',
    title: device.machineCode,
    details: [
      ['License key', device.key || `Key #${device.keyId} (deleted)`],
      ['Product', String(device.productId)],
    ],
    totals: { total: device.totalRequests, successful: device.totalRequests, failed: 0, period: 'lifetime' },
    firstSeen: device.firstSeen,
    lastSeen: device.lastSeen,
    note: 'Cryptolens counts requests per device, not their outcome.',
  };
}

export function outcomeTotals(outcomes: OutcomeCounts, period: string): UsageTotals {
  return { total: outcomes.total, successful: outcomes.valid, failed: outcomes.total - outcomes.valid, period, outcomes };
}

export function unkeyKeyFacts(apiId: string, keyId: string, outcomes: OutcomeCounts | undefined, key?: ApiKey): KeyFacts {
  const details: Array<[string, string]> = [['API', apiId]];
  if (key?.name) details.push(['Name', key.name]);
  if (key?.start) details.push(['Starts with', key.start]);
  if (key?.identity) details.push(['Identity', key.identity.externalId]);
  return {
    vendor: 'unkey',
    reference: { vendor: 'unkey', scopeId: apiId, keyId, ...(key?.start ? { key: key.start } : {}) },
    kind: 'key',
    title: keyId,
    details,
    totals: outcomes ? outcomeTotals(outcomes, 'last 30 days') : { total: 0, successful: 0, failed: 0, period: 'last 30 days' },
    ...(key ? { state: key.enabled ? 'enabled' : 'disabled' } : {}),
  };
}

export function unkeyApiFacts(apiId: string, totals: ReadonlyMap<string, OutcomeCounts>): KeyFacts {
  const sum = zeroOutcomes();
  for (const outcomes of totals.values()) addOutcomes(sum, outcomes);
  return {
    vendor: 'unkey',
    reference: { vendor: 'unkey', scopeId: apiId },
    kind: 'API',
    title: apiId,
    details: [['Keys verified', String(totals.size)]],
    totals: outcomeTotals(sum, 'last 30 days'),
  };
}

export function runtypeKeyFacts(key: ApiKey, now: number): KeyFacts {
  const expired = key.expiresAt !== undefined && key.expiresAt <= now;
  const details: Array<[string, string]> = [['Id', key.keyId]];
  if (key.start) details.push(['Prefix', key.start]);
  return {
    vendor: 'runtype',
    reference: { vendor: 'runtype', keyId: key.keyId, ...(key.start ? { key: key.start } : {}) },
    kind: 'API key',
    title: key.name || key.start || key.keyId,
    details,
    state: key.enabled ? 'active' : expired ? 'expired' : 'inactive',
    ...(key.lastUsedAt !== undefined ? { lastSeen: key.lastUsedAt } : {}),
    note: "Runtype's API tells when a key was last used, not how often.",
  };
}
