// The vendor-neutral model every client returns and every view reads.
// Times are Unix milliseconds (vendors use seconds, ms or ISO strings; clients convert).
import type { ApiKeyCredits } from './credits';
import type { VendorId } from '../vendor-id';

/** Verification outcomes, in the order charts stack them. */
export const OUTCOMES = [
  'valid',
  'rateLimited',
  'usageExceeded',
  'disabled',
  'expired',
  'forbidden',
  'unauthorized',
  'notFound',
  'insufficientPermissions',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type OutcomeCounts = Record<Outcome, number> & { total: number };

/** Every outcome and the total at 0, to sum into. */
export function zeroOutcomes(): OutcomeCounts {
  return outcomeCounts({ total: 0 });
}

/** Adds `from` into `into`, outcome by outcome and the total. */
export function addOutcomes(into: OutcomeCounts, from: OutcomeCounts): void {
  for (const outcome of OUTCOMES) into[outcome] += from[outcome];
  into.total += from.total;
}

/** Exactly the outcome fields and the total (an outcome `source` lacks is 0), whatever else it holds. */
export function outcomeCounts(source: Readonly<Partial<Record<Outcome, number>> & { total: number }>): OutcomeCounts {
  const counts = {} as OutcomeCounts;
  for (const outcome of OUTCOMES) counts[outcome] = source[outcome] ?? 0;
  counts.total = source.total;
  return counts;
}

/** One key, product or API as views and commands pass it around (a tree node, a hover, a lookup). */
export interface KeyReference {
  vendor: VendorId;
  /** Product id (Cryptolens) or API id (Unkey). */
  scopeId?: string;
  keyId?: string;
  /** The key string (Cryptolens) or its visible start. */
  key?: string;
  /** One device of the key (Cryptolens): its whole machine code, as the Web API log holds it. */
  machineCode?: string;
}

/** One page of a cursor-paged listing; `nextCursor` is absent on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Lifetime usage of one license key or API key. */
export interface KeyUsage {
  vendor: VendorId;
  /** The vendor's key id (Cryptolens KeyId as text, Unkey `key_…`, Runtype uuid). */
  keyId: string;
  /** Product (Cryptolens) or API (Unkey) the key belongs to. */
  scopeId?: string;
  /** The key string, or its visible start/prefix; undefined when the vendor no longer has the key. */
  key?: string;
  name?: string;
  totalRequests: number;
  successful: number;
  failed: number;
  firstSeen?: number;
  lastSeen?: number;
  /** Optional vendor counters (e.g. Cryptolens activationSuccess), present only when returned. */
  counters: Readonly<Record<string, number>>;
}

/** A Cryptolens license key summary, with the cursor id the vendor pages by. */
export interface LicenseKeySummary extends KeyUsage {
  vendor: 'cryptolens';
  summaryId: number;
  productId: number;
  licenseKeyId: number;
}

/** Usage of one key on one device (machine code). */
export interface DeviceUsage {
  vendor: VendorId;
  deviceId: number;
  productId: number;
  keyId: string;
  key?: string;
  machineCode: string;
  totalRequests: number;
  firstSeen: number;
  lastSeen: number;
}

/** One row of a verification-outcome series: a time slice and/or a group (key, identity, tag). */
export interface VerificationSlice {
  /** Start of the slice; absent when the query was not grouped by time. */
  time?: number;
  keyId?: string;
  identity?: { id: string; externalId: string };
  tag?: string;
  tags?: string[];
  outcomes: OutcomeCounts;
}

/** An API key as listed by its vendor (Unkey, Runtype). */
export interface ApiKey {
  vendor: VendorId;
  keyId: string;
  scopeId?: string;
  name?: string;
  /** The visible start of the key (Unkey `start`, Runtype `keyPrefix`). */
  start?: string;
  enabled: boolean;
  createdAt?: number;
  expiresAt?: number;
  lastUsedAt?: number;
  identity?: { id: string; externalId: string };
  /** Absent when the key has unlimited credits (or the vendor has no credits). */
  credits?: ApiKeyCredits;
}

/** Runtype's aggregate analytics across all keys of the account. */
export interface KeyActivitySummary {
  totalKeys: number;
  activeKeys: number;
  expiredKeys: number;
  keys: ApiKey[];
  asOf: number;
}
