// How far back the panel may ask Unkey: v2 keeps 90 days of verifications and its query parser
// refuses a query whose time bound reaches further ("Cannot query data older than 90 days…"); v1
// answered any range. Shared by the webview (which offers ranges) and the host, so it imports
// nothing from the vendor clients.
import type { Granularity, UnkeyApiVersion } from './protocol';

export const UNKEY_V2_RETENTION_DAYS = 90;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** A clock a little behind Unkey's must not ask for an hour it has just dropped. */
const CLOCK_MARGIN_MS = HOUR_MS;

/**
 * The earliest slice start at `granularity` that `version` answers at `now`, or undefined when it has
 * no retention limit. The v2 query's lower bound is the slice start (UTC), so that is what must fit.
 */
export function earliestSliceStart(version: UnkeyApiVersion, granularity: Granularity, now: number): number | undefined {
  if (version !== 'v2') return undefined;
  const floor = now - UNKEY_V2_RETENTION_DAYS * DAY_MS + CLOCK_MARGIN_MS;
  switch (granularity) {
    case 'hour':
      return Math.ceil(floor / HOUR_MS) * HOUR_MS;
    case 'day':
      return Math.ceil(floor / DAY_MS) * DAY_MS;
    case 'month': {
      const date = new Date(floor);
      const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
      return start >= floor ? start : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    }
  }
}
