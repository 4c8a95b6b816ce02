import type { ApiKey, KeyActivitySummary } from '../vendors/model';
import { UnkeyUsage } from './unkey-usage';

export type { MissingPermissionListener, Settled, UsageOptions } from './usage-core';
export { EVENTS_PAGE, type KeyEventsQuery, type ProductCount } from './cryptolens-usage';

/**
 * Every view reads vendor data through here: answers are cached (bounded, cache.ts) per vendor,
 * account and query, and the same request in flight is shared, so a tree expand, a hover and the
 * panel cost one call. The reads are split by vendor (cryptolens-usage.ts, unkey-usage.ts, Runtype's
 * two here) over the shared core (usage-core.ts); the order they build on each other means nothing.
 */
export class UsageService extends UnkeyUsage {
  runtypeSummary(signal?: AbortSignal): Promise<KeyActivitySummary> {
    return this.cached('runtype', 'analytics', ({ client }, loadSignal) => client.getAnalytics(loadSignal), signal);
  }

  runtypeKeys(signal?: AbortSignal): Promise<ApiKey[]> {
    return this.cached('runtype', 'keys', ({ client }, loadSignal) => client.listKeys(loadSignal), signal);
  }
}
