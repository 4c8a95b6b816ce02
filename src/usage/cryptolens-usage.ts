// Cryptolens reads: the account's key summaries (one scan that the tree, hovers and pickers share),
// devices, daily aggregates, the Web API log, and the license keys that key health is read from.
import type { DeviceUsage, LicenseKeySummary, Page } from '../vendors/model';
import type { DeviceQuery } from '../vendors/cryptolens/query';
import type { LicenseEvent } from '../vendors/model-activity';
import { dailySeries, type DailyPoint } from '../vendors/cryptolens/daily-series';
import type { DayRange } from '../vendors/cryptolens/day-range';
import type { CursorPage } from '../vendors/cryptolens/paging';
import type { LicenseKeyDetails } from '../vendors/license-key';
import { collectScan, type Scan } from './scan';
import { ProductDemand } from './product-demand';
import { UsageCore } from './usage-core';

export const TREE_PAGE = 100;
/** Rows per page of single events (Web API log entries, Unkey verifications). */
export const EVENTS_PAGE = 100;
/** Aggregate rows per request: a 90-day range of one product fits in one. */
const AGGREGATE_PAGE = 1000;
const SCAN_PAGE = 1000;

/** What to read of the Web API log: one key of one product, optionally one of its devices. */
export interface KeyEventsQuery {
  productId: number;
  /** The key string (the vendor's Key filter needs it, with the product). */
  key: string;
  /** The whole machine code, exactly as the log holds it. */
  machineCode?: string;
  /** A page's nextCursor: entries older than that page's last one. */
  before?: string;
  /** Entries per page; default EVENTS_PAGE. */
  limit?: number;
}

export interface ProductCount {
  productId: number;
  /** Keys of the product that have usage (summaries exist only for those). */
  keyCount: number;
}

/** Summaries per product, counted once per scan answer. */
const productSizes = new WeakMap<readonly LicenseKeySummary[], Map<number, number>>();
/** Device rows per key, counted once per product device scan answer. */
const devicesPerKey = new WeakMap<readonly DeviceUsage[], Map<number, number>>();
/** Keys per product/GetKeys page. */
const LICENSE_PAGE = 99;
/**
 * Keys of a product whose hover health reads key/GetKey (exact: blocked, enforced expiry) before its
 * key list. Enough for a person hovering keys one by one to always get the exact word; a file of many
 * keys (diagnostics) then costs the product's list, whose words carry the caveat.
 */
export const HOVER_FEW_LICENSES = 20;

export class CryptolensUsage extends UsageCore {
  private readonly demand = new ProductDemand(this.accountMemory());

  /**
   * A key's device count for a hover. While few keys of its product are asked, its first device page
   * (as the tree shows, `more` past it); then the product's device pages (1000 a page, exact counts,
   * shared with the panel), so many keys cost the product's pages, not one request each.
   */
  async hoverDeviceCount(summary: Pick<LicenseKeySummary, 'productId' | 'licenseKeyId'>, signal?: AbortSignal): Promise<{ count: number; more: boolean }> {
    const { productId, licenseKeyId } = summary;
    // Every key with usage has a device or none; the key count is the best cheap guess at the pages.
    const pages = Math.ceil((await this.productSize(productId, signal)) / SCAN_PAGE);
    if (!(await this.wantsList('devices', productId, licenseKeyId, pages))) {
      const page = await this.devicesPage(productId, licenseKeyId, undefined, signal);
      return { count: page.items.length, more: page.nextCursor !== undefined };
    }
    const scan = await this.productDevices(productId, signal);
    let counts = devicesPerKey.get(scan.items);
    if (!counts) {
      counts = new Map();
      for (const device of scan.items) counts.set(Number(device.keyId), (counts.get(Number(device.keyId)) ?? 0) + 1);
      devicesPerKey.set(scan.items, counts);
    }
    return { count: counts.get(licenseKeyId) ?? 0, more: scan.truncated };
  }

  /**
   * A key's license for a hover's health. While few keys of its product are asked (HOVER_FEW_LICENSES),
   * key/GetKey with its license status; then the product's key list (product/GetKeys, ⌈N/99⌉ pages,
   * shared with the tree), `listed` saying so: a list cannot tell a blocked key or an unenforced
   * expiry. Undefined license when the token lacks the permission or the key is not there.
   */
  async hoverLicense(
    summary: Pick<LicenseKeySummary, 'productId' | 'licenseKeyId' | 'key'>,
    signal?: AbortSignal,
  ): Promise<{ license: LicenseKeyDetails | undefined; listed: boolean }> {
    const { productId, licenseKeyId, key } = summary;
    const pages = Math.ceil((await this.productSize(productId, signal)) / LICENSE_PAGE);
    if (await this.wantsList('licenses', productId, licenseKeyId, pages, HOVER_FEW_LICENSES)) {
      const listed = await this.productLicenseKeys(productId, signal);
      // A token with GetKey but not GetKeys still reads the key alone.
      if (listed) return { license: listed.get(licenseKeyId), listed: true };
    }
    return { license: key ? await this.licenseKeyDetails(productId, key, signal) : undefined, listed: false };
  }

  private async wantsList(read: string, productId: number, keyId: number, pages: number, few?: number): Promise<boolean> {
    const { account } = await this.connected('cryptolens');
    return this.demand.wantsList(`${account}:${productId}:${read}`, keyId, pages, few);
  }

  /** Keys with usage of one product, from the account's scan (which the hover has already read). */
  private async productSize(productId: number, signal: AbortSignal | undefined): Promise<number> {
    const scan = await this.allLicenseKeys(signal);
    let sizes = productSizes.get(scan.items);
    if (!sizes) {
      sizes = new Map();
      for (const item of scan.items) sizes.set(item.productId, (sizes.get(item.productId) ?? 0) + 1);
      productSizes.set(scan.items, sizes);
    }
    return sizes.get(productId) ?? 0;
  }
  /**
   * The account's key summaries, 1000 a page, up to keyscope.cryptolens.maxScanKeys: the product list,
   * hovers and product panels derive from this one scan (hovers never start another).
   */
  allLicenseKeys(signal?: AbortSignal): Promise<Scan<LicenseKeySummary>> {
    const limit = this.maxScanKeys();
    return this.cached(
      'cryptolens',
      `all-keys:${limit}`,
      ({ client }, loadSignal) => collectScan(client.summaryPages({ limit: Math.min(SCAN_PAGE, limit) }, loadSignal), limit),
      signal,
    );
  }

  /**
   * Products by id, with how many keys with usage each has: derived from the summaries (a
   * usage-analytics token cannot list products), and cut short where the scan was. The tree and both
   * product pickers list these.
   */
  async productsWithCounts(signal?: AbortSignal): Promise<Scan<ProductCount>> {
    const keys = await this.allLicenseKeys(signal);
    const counts = new Map<number, number>();
    for (const key of keys.items) counts.set(key.productId, (counts.get(key.productId) ?? 0) + 1);
    const items = [...counts].sort(([a], [b]) => a - b).map(([productId, keyCount]) => ({ productId, keyCount }));
    return { items, truncated: keys.truncated, limit: keys.limit };
  }

  licenseKeysPage(productId: number, cursor?: string, signal?: AbortSignal): Promise<Page<LicenseKeySummary>> {
    return this.cached(
      'cryptolens',
      `keys:${productId}:${cursor ?? ''}`,
      ({ client }, loadSignal) => client.getKeyUsageSummaries({ productId, limit: TREE_PAGE, ...(cursor ? { startingAfter: cursor } : {}) }, loadSignal),
      signal,
    );
  }

  devicesPage(productId: number, keyId: number, cursor?: string, signal?: AbortSignal): Promise<Page<DeviceUsage>> {
    return this.cached(
      'cryptolens',
      `devices:${productId}:${keyId}:${cursor ?? ''}`,
      ({ client }, loadSignal) => client.getKeyDevices({ productId, keyId, limit: TREE_PAGE, ...(cursor ? { startingAfter: cursor } : {}) }, loadSignal),
      signal,
    );
  }

  /** The devices of one key (for lookups and the panel), up to the same limit. */
  keyDevices(productId: number, keyId: number, signal?: AbortSignal): Promise<Scan<DeviceUsage>> {
    return this.deviceScan(`all-devices:${productId}:${keyId}`, { productId, keyId }, signal);
  }

  // Lookups (keyscope.lookupKey) ask the vendor itself: only it can say "Could not find the key.".

  /** A key's summaries by its string, with the vendor's Key filter (which needs the product). */
  licenseKeyByString(productId: number, key: string, signal?: AbortSignal): Promise<LicenseKeySummary[]> {
    return this.cached(
      'cryptolens',
      `key:${productId}:${key}`,
      async ({ client }, loadSignal) => (await client.getKeyUsageSummaries({ productId, key }, loadSignal)).items,
      signal,
    );
  }

  /** A key's summaries by its id (a deleted key's id still finds them). */
  licenseKeyById(keyId: number, signal?: AbortSignal): Promise<LicenseKeySummary[]> {
    return this.cached('cryptolens', `key-id:${keyId}`, async ({ client }, loadSignal) => (await client.getKeyUsageSummaries({ keyId }, loadSignal)).items, signal);
  }

  /** The devices with this machine code, whichever key or product they used (the vendor normalizes it). */
  devicesByMachineCode(machineCode: string, signal?: AbortSignal): Promise<Scan<DeviceUsage>> {
    return this.deviceScan(`machine:${machineCode}`, { machineCode }, signal);
  }

  /** The devices of a product, for the panel's devices-per-key column. */
  productDevices(productId: number, signal?: AbortSignal): Promise<Scan<DeviceUsage>> {
    return this.deviceScan(`product-devices:${productId}`, { productId }, signal);
  }

  /**
   * A product's usage per UTC day of `range`, oldest first, a day without requests as zeros: every
   * aggregate page of the range, one request for up to 1000 rows.
   */
  dailyUsage(productId: number, range: DayRange, signal?: AbortSignal): Promise<DailyPoint[]> {
    return this.cached(
      'cryptolens',
      `daily:${productId}:${range.start}:${range.end}`,
      async ({ client }, loadSignal) => {
        const rows = [];
        for await (const page of client.dailyAggregatePages({ productId, start: range.start, end: range.end, limit: AGGREGATE_PAGE }, loadSignal)) rows.push(...page.items);
        return dailySeries(rows, range);
      },
      signal,
    );
  }

  /** One page of a key's Web API log entries, newest first, with anomaly flags; `before` pages back. */
  keyEventsPage(query: KeyEventsQuery, signal?: AbortSignal): Promise<CursorPage<LicenseEvent>> {
    const { productId, key, machineCode, before } = query;
    const limit = query.limit ?? EVENTS_PAGE;
    return this.cached(
      'cryptolens',
      `events:${productId}:${JSON.stringify([key, machineCode ?? null, before ?? null, limit])}`,
      ({ client }, loadSignal) =>
        client.getWebApiLog(
          {
            productId,
            key,
            limit,
            anomalyClassification: true,
            ...(machineCode !== undefined ? { machineCode } : {}),
            ...(before !== undefined ? { endingBefore: before } : { direction: 'backward' as const }),
          },
          loadSignal,
        ),
      signal,
    );
  }

  /**
   * One license key's details with its license status (key/GetKey), for hovers and lookups. Undefined
   * when the token lacks GetKey: remembered per account, so no later call asks again.
   */
  licenseKeyDetails(productId: number, key: string, signal?: AbortSignal): Promise<LicenseKeyDetails | undefined> {
    return this.withPermission('cryptolens', 'GetKey', ({ client }, loadSignal) => client.getLicenseKey(productId, key, loadSignal), `license:${productId}:${key}`, signal);
  }

  /**
   * Every key of one product (product/GetKeys, 99 a page: ⌈N/99⌉ requests once per cache lifetime) by
   * key id, for the tree's rows. Undefined when the token lacks GetKeys.
   */
  productLicenseKeys(productId: number, signal?: AbortSignal): Promise<ReadonlyMap<number, LicenseKeyDetails> | undefined> {
    return this.withPermission(
      'cryptolens',
      'GetKeys',
      async ({ client }, loadSignal) => {
        const byId = new Map<number, LicenseKeyDetails>();
        for await (const page of client.licenseKeyPages(productId, loadSignal)) for (const key of page.items) byId.set(key.licenseKeyId, key);
        return byId;
      },
      `license-keys:${productId}`,
      signal,
    );
  }

  private deviceScan(query: string, filter: DeviceQuery, signal: AbortSignal | undefined): Promise<Scan<DeviceUsage>> {
    const limit = this.maxScanKeys();
    return this.cached(
      'cryptolens',
      `${query}:${limit}`,
      ({ client }, loadSignal) => collectScan(client.devicePages({ ...filter, limit: Math.min(SCAN_PAGE, limit) }, loadSignal), limit),
      signal,
    );
  }

}
