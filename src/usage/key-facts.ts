// What a hover or a lookup result shows about one key, whichever vendor it comes from. Strings here
// are raw vendor text: whoever renders them passes them through src/text/untrusted.ts. Keyscope's own
// words (labels, periods, states, notes) are in the display language already.
import * as l10n from '@vscode/l10n';
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

/** A kind as people read it: "license key", "key", "API", "API key", "device". */
export function kindText(kind: string): string {
  switch (kind) {
    case 'license key':
      return l10n.t('license key');
    case 'key':
      return l10n.t('key');
    case 'API':
      return l10n.t('API');
    case 'API key':
      return l10n.t('API key');
    case 'device':
      return l10n.t('device');
    default:
      return kind;
  }
}

/** "Key #123 (deleted)": a Cryptolens key whose string is gone. */
export function deletedKeyTitle(keyId: number | string): string {
  return l10n.t('Key #{0} (deleted)', keyId);
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
    title: summary.key || deletedKeyTitle(summary.licenseKeyId),
    details: [
      [l10n.t('Product'), String(summary.productId)],
      [l10n.t('Key id'), String(summary.licenseKeyId)],
    ],
    totals: { total: summary.totalRequests, successful: summary.successful, failed: summary.failed, period: l10n.t('lifetime') },
    ...(devices ? { devices } : {}),
    ...(summary.firstSeen !== undefined ? { firstSeen: summary.firstSeen } : {}),
    ...(summary.lastSeen !== undefined ? { lastSeen: summary.lastSeen } : {}),
  };
}

/** A license key that exists (the vendor did not say "Could not find the key.") but has no usage yet. */
export function unusedCryptolensKeyFacts(key: { productId?: number; key?: string; keyId?: number }): KeyFacts {
  const details: Array<[string, string]> = [];
  if (key.productId !== undefined) details.push([l10n.t('Product'), String(key.productId)]);
  if (key.keyId !== undefined) details.push([l10n.t('Key id'), String(key.keyId)]);
  return {
    vendor: 'cryptolens',
    reference: {
      vendor: 'cryptolens',
      ...(key.productId !== undefined ? { scopeId: String(key.productId) } : {}),
      ...(key.keyId !== undefined ? { keyId: String(key.keyId) } : {}),
      ...(key.key !== undefined ? { key: key.key } : {}),
    },
    kind: 'license key',
    title: key.key ?? l10n.t('Key #{0}', key.keyId ?? '?'),
    details,
    totals: { total: 0, successful: 0, failed: 0, period: l10n.t('lifetime') },
    note: l10n.t('No usage recorded for this key yet.'),
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
    note: l10n.t('Not among the {0} Keyscope read ({1}); Look Up Key Usage asks Cryptolens about it.', scanLimitText(scan, 'keys'), 'keyscope.cryptolens.maxScanKeys'),
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
      [l10n.t('License key'), device.key || deletedKeyTitle(device.keyId)],
      [l10n.t('Product'), String(device.productId)],
    ],
    totals: { total: device.totalRequests, successful: device.totalRequests, failed: 0, period: l10n.t('lifetime') },
    firstSeen: device.firstSeen,
    lastSeen: device.lastSeen,
    note: l10n.t('Cryptolens counts requests per device, not their outcome.'),
  };
}

export function outcomeTotals(outcomes: OutcomeCounts, period: string): UsageTotals {
  return { total: outcomes.total, successful: outcomes.valid, failed: outcomes.total - outcomes.valid, period, outcomes };
}

export function unkeyKeyFacts(apiId: string, keyId: string, outcomes: OutcomeCounts | undefined, key?: ApiKey): KeyFacts {
  const details: Array<[string, string]> = [['API', apiId]];
  if (key?.name) details.push([l10n.t('Name'), key.name]);
  if (key?.start) details.push([l10n.t('Starts with'), key.start]);
  if (key?.identity) details.push([l10n.t('Identity'), key.identity.externalId]);
  return {
    vendor: 'unkey',
    reference: { vendor: 'unkey', scopeId: apiId, keyId, ...(key?.start ? { key: key.start } : {}) },
    kind: 'key',
    title: keyId,
    details,
    totals: outcomes ? outcomeTotals(outcomes, l10n.t('last 30 days')) : { total: 0, successful: 0, failed: 0, period: l10n.t('last 30 days') },
    ...(key ? { state: key.enabled ? l10n.t('enabled') : l10n.t('disabled') } : {}),
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
    details: [[l10n.t('Keys verified'), String(totals.size)]],
    totals: outcomeTotals(sum, l10n.t('last 30 days')),
  };
}

export function runtypeKeyFacts(key: ApiKey, now: number): KeyFacts {
  const expired = key.expiresAt !== undefined && key.expiresAt <= now;
  const details: Array<[string, string]> = [[l10n.t('Id'), key.keyId]];
  if (key.start) details.push([l10n.t('Prefix'), key.start]);
  return {
    vendor: 'runtype',
    reference: { vendor: 'runtype', keyId: key.keyId, ...(key.start ? { key: key.start } : {}) },
    kind: 'API key',
    title: key.name || key.start || key.keyId,
    details,
    state: key.enabled ? l10n.t('active') : expired ? l10n.t('expired') : l10n.t('inactive'),
    ...(key.lastUsedAt !== undefined ? { lastSeen: key.lastUsedAt } : {}),
    note: l10n.t("Runtype's API tells when a key was last used, not how often."),
  };
}
