// The vendor-neutral model of usage over time and of single events: Cryptolens daily aggregates and
// Web API log entries, Unkey raw verifications. Times are Unix milliseconds, as in model.ts.
import type { Outcome } from './model';

/** One product's usage on one UTC day (Cryptolens ai/GetDailyAggregates). */
export interface DailyUsage {
  vendor: 'cryptolens';
  /** The vendor's row id, which it pages by. */
  aggregateId: number;
  productId: number;
  /** The UTC calendar day, yyyy-MM-dd. */
  date: string;
  /** The start of that UTC day. */
  day: number;
  /** Requests logged that day (the vendor's totalRequestsLogged). */
  total: number;
  successful: number;
  failed: number;
  activeKeys: number;
  activeDevices: number;
  activeCustomers: number;
}

export type EventOutcome = 'succeeded' | 'failed' | 'unknown';

/** What a Cryptolens state code says: the method called and whether it succeeded. */
export interface EventDescription {
  /** The code as the vendor sent it, e.g. 2020. */
  code: number;
  /** "Activate", "Validate", …, or "Unknown" for a code outside the documented scheme. */
  method: string;
  outcome: EventOutcome;
  /** The fourth digit (0–9), an optional detail the vendor does not name; absent for unknown codes. */
  detail?: number;
  /** For a person: "Activate · failed", or "Unknown (9999)". */
  label: string;
}

/** One entry of the Cryptolens Web API log: a request that touched a license key or data object. */
export interface LicenseEvent {
  vendor: 'cryptolens';
  /** The vendor's log id (a 64-bit integer), which it pages by. */
  eventId: number;
  productId: number;
  /** The key string the request named; absent when the log holds none. */
  key?: string;
  time: number;
  /** The raw state code; `event` decodes it. */
  state: number;
  event: EventDescription;
  machineCode?: string;
  friendlyName?: string;
  /** The vendor anonymizes it before storing. */
  ip?: string;
  floatingExpires?: number;
  /** Set on data-object requests (state 80xx). */
  dataObject?: { id: number; intValue: number };
  /** Present only when anomaly classification was asked for. */
  isAnomaly?: boolean;
}

/** One Unkey key verification, as its raw analytics row holds it. */
export interface KeyVerificationEvent {
  vendor: 'unkey';
  requestId: string;
  keyId: string;
  time: number;
  /** Undefined for an outcome Keyscope does not know (then show `outcomeCode`). */
  outcome: Outcome | undefined;
  /** As stored, e.g. "RATE_LIMITED"; untrusted text, already made plain and bounded. */
  outcomeCode: string;
  region: string;
  tags: string[];
}
