import type { ApiKey, DeviceUsage, KeyActivitySummary, LicenseKeySummary, OutcomeCounts, Page, VerificationSlice } from '../vendors/model';
import type { VendorId } from '../vendor-id';
import type { VerificationQuery } from '../vendors/unkey/types';
import { TtlCache } from './cache';
import { lastDays } from './recent-window';
import type { Connected, VendorClients } from './vendor-clients';

const TTL_MS = 5 * 60_000;
const TREE_PAGE = 100;
const SCAN_PAGE = 1000;

export interface ProductCount {
  productId: number;
  /** Keys of the product that have usage (summaries exist only for those). */
  keyCount: number;
}

/** Thrown when a view asks for a vendor that has no token; views show the welcome instead. */
export class NoTokenError extends Error {
  constructor(readonly vendor: VendorId) {
    super(`No ${vendor} token is set.`);
    this.name = 'NoTokenError';
  }
}

/**
 * Every view reads vendor data through here: answers are cached (TTL) per vendor, account and query,
 * and the same request in flight is shared, so a tree expand, a hover and the panel cost one call.
 */
export class UsageService {
  private readonly cache = new TtlCache<unknown>(TTL_MS);

  constructor(
    private readonly clients: VendorClients,
    private readonly now: () => number = Date.now,
  ) {}

  /** Forgets one vendor's answers (after a token or settings change), or all. */
  clear(vendor?: VendorId): void {
    this.cache.clear(vendor ? `${vendor}:` : '');
  }

  // --- Cryptolens -------------------------------------------------------------------------------

  /** Every key summary of the account, in pages of 1000: the product list and lookups derive from it. */
  allLicenseKeys(): Promise<LicenseKeySummary[]> {
    return this.cached('cryptolens', 'all-keys', async ({ client }) => {
      const all: LicenseKeySummary[] = [];
      for await (const page of client.summaryPages({ limit: SCAN_PAGE })) all.push(...page.items);
      return all;
    });
  }

  /**
   * Products by id, with how many keys with usage each has: derived from the summaries (a
   * usage-analytics token cannot list products). The tree and both product pickers list these.
   */
  async productsWithCounts(): Promise<ProductCount[]> {
    const counts = new Map<number, number>();
    for (const key of await this.allLicenseKeys()) counts.set(key.productId, (counts.get(key.productId) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => a - b).map(([productId, keyCount]) => ({ productId, keyCount }));
  }

  licenseKeysPage(productId: number, cursor?: string): Promise<Page<LicenseKeySummary>> {
    return this.cached('cryptolens', `keys:${productId}:${cursor ?? ''}`, ({ client }) =>
      client.getKeyUsageSummaries({ productId, limit: TREE_PAGE, ...(cursor ? { startingAfter: cursor } : {}) }),
    );
  }

  devicesPage(productId: number, keyId: number, cursor?: string): Promise<Page<DeviceUsage>> {
    return this.cached('cryptolens', `devices:${productId}:${keyId}:${cursor ?? ''}`, ({ client }) =>
      client.getKeyDevices({ productId, keyId, limit: TREE_PAGE, ...(cursor ? { startingAfter: cursor } : {}) }),
    );
  }

  /** All devices of one key (for lookups, hovers and the panel). */
  keyDevices(productId: number, keyId: number): Promise<DeviceUsage[]> {
    return this.cached('cryptolens', `all-devices:${productId}:${keyId}`, async ({ client }) => {
      const all: DeviceUsage[] = [];
      for await (const page of client.devicePages({ productId, keyId, limit: SCAN_PAGE })) all.push(...page.items);
      return all;
    });
  }

  // Lookups (keyscope.lookupKey) ask the vendor itself: only it can say "Could not find the key.".

  /** A key's summaries by its string, with the vendor's Key filter (which needs the product). */
  licenseKeyByString(productId: number, key: string): Promise<LicenseKeySummary[]> {
    return this.cached('cryptolens', `key:${productId}:${key}`, async ({ client }) => (await client.getKeyUsageSummaries({ productId, key })).items);
  }

  /** A key's summaries by its id (a deleted key's id still finds them). */
  licenseKeyById(keyId: number): Promise<LicenseKeySummary[]> {
    return this.cached('cryptolens', `key-id:${keyId}`, async ({ client }) => (await client.getKeyUsageSummaries({ keyId })).items);
  }

  /** Every device with this machine code, whichever key or product it used (the vendor normalizes it). */
  devicesByMachineCode(machineCode: string): Promise<DeviceUsage[]> {
    return this.cached('cryptolens', `machine:${machineCode}`, async ({ client }) => {
      const all: DeviceUsage[] = [];
      for await (const page of client.devicePages({ machineCode, limit: SCAN_PAGE })) all.push(...page.items);
      return all;
    });
  }

  /** All devices of a product, for the panel's devices-per-key column. */
  productDevices(productId: number): Promise<DeviceUsage[]> {
    return this.cached('cryptolens', `product-devices:${productId}`, async ({ client }) => {
      const all: DeviceUsage[] = [];
      for await (const page of client.devicePages({ productId, limit: SCAN_PAGE })) all.push(...page.items);
      return all;
    });
  }

  // --- Unkey ------------------------------------------------------------------------------------

  unkeyKeysPage(apiId: string, cursor?: string): Promise<Page<ApiKey>> {
    return this.cached('unkey', `keys:${apiId}:${cursor ?? ''}`, ({ client }) =>
      client.listKeys({ apiId, limit: TREE_PAGE, ...(cursor ? { cursor } : {}) }),
    );
  }

  /** Verifications of the last 30 days per key of one API: one query, shared by tree and hovers. */
  async unkeyTotalsByKey(apiId: string): Promise<Map<string, OutcomeCounts>> {
    const rows = await this.unkeyVerifications({ apiId, ...lastDays(30, this.now()), groupBy: ['key'] });
    return new Map(rows.flatMap((row) => (row.keyId ? [[row.keyId, row.outcomes] as const] : [])));
  }

  unkeyVerifications(query: VerificationQuery): Promise<VerificationSlice[]> {
    return this.cached('unkey', `verifications:${JSON.stringify(query)}`, ({ client }) => client.getVerifications(query));
  }

  // --- Runtype ----------------------------------------------------------------------------------

  runtypeSummary(): Promise<KeyActivitySummary> {
    return this.cached('runtype', 'analytics', ({ client }) => client.getAnalytics());
  }

  runtypeKeys(): Promise<ApiKey[]> {
    return this.cached('runtype', 'keys', ({ client }) => client.listKeys());
  }

  private async cached<V extends VendorId, T>(vendor: V, query: string, load: (connected: Connected<V>) => Promise<T>): Promise<T> {
    const connected = await this.clients.connect(vendor);
    if (!connected) throw new NoTokenError(vendor);
    return this.cache.get(`${connected.account}:${query}`, () => load(connected)) as Promise<T>;
  }
}
