// What the Cryptolens emulation holds: rows stored exactly as the wire shows them (field order too),
// so an answer is the rows themselves.

export interface Product {
  id: number;
  name: string;
}

export interface LicenseKey {
  id: number;
  productId: number;
  /** The key string; kept for deleted keys only so the emulator can tell them apart. */
  key: string;
  deleted: boolean;
}

/** The optional KeyUsageSummary counters (vendor-apis.md). */
export const COUNTER_NAMES = [
  'activationSuccess',
  'activationFailed',
  'deactivationSuccess',
  'deactivationFloating',
  'activationNewMachine',
  'activationTrial',
  'activationFloating',
  'activationDeviceLimit',
  'trialKeyGenerated',
  'trialKeyReused',
  'trialKeyCreateError',
  'dataObjectOps',
  'dataObjectIncrementInt',
  'dataObjectDecrementInt',
  'dataObjectSetInt',
  'dataObjectSetString',
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];

export interface SummaryRow extends Partial<Record<CounterName, number>> {
  id: number;
  productId: number;
  keyId: number;
  /** "" when the license key no longer exists. */
  key: string;
  totalRequests: number;
  totalSuccessful: number;
  totalFailed: number;
  firstSeenUtc: number;
  lastSeenUtc: number;
}

export interface DeviceRow {
  id: number;
  productId: number;
  keyId: number;
  key: string;
  /** Stored normalized, never empty. */
  machineCode: string;
  firstSeenUtc: number;
  lastSeenUtc: number;
  totalRequests: number;
}

/** Every list ascending by id. */
export interface CryptolensData {
  products: Product[];
  keys: LicenseKey[];
  summaries: SummaryRow[];
  devices: DeviceRow[];
}
