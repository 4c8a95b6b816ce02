import * as l10n from '@vscode/l10n';
import type { ApiKey, DeviceUsage, KeyActivitySummary, LicenseKeySummary, OutcomeCounts, Page, VerificationSlice } from '../vendors/model';
import type { VendorId } from '../vendor-id';
import type { DeviceQuery } from '../vendors/cryptolens/query';
import type { VerificationQuery } from '../vendors/unkey/types';
import type { KeyVerificationEvent, LicenseEvent } from '../vendors/model-activity';
import { dailySeries, type DailyPoint } from '../vendors/cryptolens/daily-series';
import type { DayRange } from '../vendors/cryptolens/day-range';
import type { CursorPage } from '../vendors/cryptolens/paging';
import { BoundedCache, type CacheLimits } from './cache';
import { CoolingDownError, Cooldowns } from './cooldown';
import { collectScan, DEFAULT_MAX_SCAN_KEYS, type Scan } from './scan';
import { lastDays } from './recent-window';
import type { Connected, VendorClients } from './vendor-clients';
import { MissingPermissionError } from '../http/missing-permission-error';
import { NotFoundError } from '../http/errors';
import type { LicenseKeyDetails } from '../vendors/license-key';

const TREE_PAGE = 100;
/** Rows per page of single events (Web API log entries, Unkey verifications). */
export const EVENTS_PAGE = 100;
/** Aggregate rows per request: a 90-day range of one product fits in one. */
const AGGREGATE_PAGE = 1000;

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
const SCAN_PAGE = 1000;
/** Unkey keys.getKey calls per API before a hover's health reads the API's key list instead. */
const UNKEY_GET_KEY_CALLS = 2;
/** Listing pages read for an API's health (100 keys each), as a lookup reads. */
const UNKEY_HEALTH_PAGES = 50;

/** Told once per vendor and account that the token lacks the permission status needs. */
export type MissingPermissionListener = (vendor: VendorId, permission: string) => void;

export interface ProductCount {
  productId: number;
  /** Keys of the product that have usage (summaries exist only for those). */
  keyCount: number;
}

/** Thrown when a view asks for a vendor that has no token; views show the welcome instead. */
export class NoTokenError extends Error {
  constructor(readonly vendor: VendorId) {
    super(l10n.t('No {0} token is set.', vendor));
    this.name = 'NoTokenError';
  }
}

/** How a vendor's latest call ended: told to whoever shows vendor health (the status bar). */
export type Settled = { vendor: VendorId; ok: true } | { vendor: VendorId; ok: false; error: unknown };

export interface UsageOptions {
  cache?: Partial<CacheLimits>;
  /** keyscope.cryptolens.maxScanKeys, read at each scan (a settings change clears the cache). */
  maxScanKeys?: () => number;
}

/**
 * Every view reads vendor data through here: answers are cached (bounded, cache.ts) per vendor,
 * account and query, and the same request in flight is shared, so a tree expand, a hover and the
 * panel cost one call.
 */
export class UsageService {
  private readonly cache: BoundedCache<unknown>;
  /** Shared by every surface: a vendor that said "slow down" gets no request from any of them. */
  private readonly cooldowns: Cooldowns;
  private readonly maxScanKeys: () => number;
  private readonly settleListeners = new Set<(settled: Settled) => void>();
  /** Health reads an account's token lacks the permission for (`account:read` → permission): asked no more. */
  private readonly missingPermissions = new Map<string, string>();
  private readonly permissionListeners = new Set<MissingPermissionListener>();
  /** keys.getKey calls per Unkey account and API, for choosing between one key and the key list. */
  private readonly unkeyGetKeyIds = new Map<string, Set<string>>();

  constructor(
    private readonly clients: VendorClients,
    private readonly now: () => number = Date.now,
    options: UsageOptions = {},
  ) {
    // A cooldown is not remembered as a failure: it carries its own end, checked before every load.
    this.cache = new BoundedCache(options.cache, now, undefined, (error) => !(error instanceof CoolingDownError));
    this.cooldowns = new Cooldowns(now);
    this.maxScanKeys = options.maxScanKeys ?? (() => DEFAULT_MAX_SCAN_KEYS);
  }

  /** Throws CoolingDownError while the vendor's account is cooling down: Refresh says so and sends nothing. */
  async checkCooldown(vendor: VendorId): Promise<void> {
    const connected = await this.clients.connect(vendor);
    if (connected) this.cooldowns.check(vendor, connected.account);
  }

  /**
   * Told after each vendor call ends: ok, or its error (a cooldown's CoolingDownError included).
   * An aborted call (nobody waits any more) is not an outcome and is not told.
   */
  onDidSettle(listener: (settled: Settled) => void): { dispose(): void } {
    this.settleListeners.add(listener);
    return { dispose: () => this.settleListeners.delete(listener) };
  }

  private settle(settled: Settled): void {
    for (const listener of [...this.settleListeners]) {
      try {
        listener(settled);
      } catch {
        // A listener's failure is its own; the vendor call's outcome stands.
      }
    }
  }

  /** Forgets one vendor's answers (after a token or settings change), or all. */
  clear(vendor?: VendorId): void {
    this.cache.clear(vendor ? `${vendor}:` : '');
    for (const map of [this.missingPermissions, this.unkeyGetKeyIds] as Array<Map<string, unknown>>) {
      for (const account of [...map.keys()]) if (!vendor || account.startsWith(`${vendor}:`)) map.delete(account);
    }
  }

  /** Called the first time an account is found to lack the permission health needs; returns an unsubscribe. */
  onMissingPermission(listener: MissingPermissionListener): () => void {
    this.permissionListeners.add(listener);
    return () => this.permissionListeners.delete(listener);
  }

  /** Forgets remembered failures only: a deliberate retry (a click, a new lookup) asks the vendor again. */
  forgetFailures(vendor?: VendorId): void {
    this.cache.forgetFailures(vendor ? `${vendor}:` : '');
  }

  /** How many answers and failures are kept, and their estimated bytes (for tests and benchmarks). */
  get kept(): { entries: number; bytes: number } {
    return { entries: this.cache.size, bytes: this.cache.bytes };
  }

  /** Aborts every vendor call and stops the cache's timer (the extension is going away). */
  dispose(): void {
    this.settleListeners.clear();
    this.cache.dispose();
  }

  // Every read takes an optional AbortSignal: the caller's (a hover, a lookup, a panel). It ends that
  // caller's wait; the vendor call behind it is aborted once no caller waits any more (cache.ts).

  // --- Cryptolens -------------------------------------------------------------------------------

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

  // --- Unkey ------------------------------------------------------------------------------------

  /** One page of an Unkey key's single verifications, newest first (v2; v1 rejects with NeedsUnkeyV2Error). */
  unkeyRecentVerifications(keyId: string, before?: string, signal?: AbortSignal, limit = EVENTS_PAGE): Promise<Page<KeyVerificationEvent>> {
    return this.cached(
      'unkey',
      `recent:${JSON.stringify([keyId, before ?? null, limit])}`,
      ({ client }, loadSignal) => client.recentVerifications(keyId, { limit, ...(before !== undefined ? { before } : {}) }, loadSignal),
      signal,
    );
  }

  /** Verifications of the last 24 hours per key of one API: one query, for Rate limited and Elevated rejections. */
  async unkeyRecentByKey(apiId: string, signal?: AbortSignal): Promise<Map<string, OutcomeCounts>> {
    const rows = await this.unkeyVerifications({ apiId, ...lastDays(1, this.now()), groupBy: ['key'] }, signal);
    return new Map(rows.flatMap((row) => (row.keyId ? [[row.keyId, row.outcomes] as const] : [])));
  }

  /**
   * One key's listing (enabled, expiry, credits) for its health. The first few ids of an API cost one
   * keys.getKey each; after that the API's key list (the tree's pages, 100 keys each) answers every id.
   * Undefined when the key is not found or the root key may not read keys.
   */
  async unkeyKeyListing(apiId: string, keyId: string, signal?: AbortSignal): Promise<ApiKey | undefined> {
    const connected = await this.clients.connect('unkey');
    if (!connected) throw new NoTokenError('unkey');
    const calls = `${connected.account}:${apiId}`;
    const ids = this.unkeyGetKeyIds.get(calls) ?? new Set<string>();
    if (ids.has(keyId) || ids.size < UNKEY_GET_KEY_CALLS) {
      ids.add(keyId);
      this.unkeyGetKeyIds.set(calls, ids);
      try {
        const key = await this.withPermission('unkey', 'read_key', ({ client }, loadSignal) => client.getKey(keyId, loadSignal), `unkey-key:${keyId}`, signal);
        // keys.getKey (v2) does not say the API: a key of another API is not this one's.
        return key && (key.scopeId === undefined || key.scopeId === apiId) ? key : undefined;
      } catch (error) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
    }
    return (await this.unkeyKeysOfApi(apiId, signal)).get(keyId);
  }

  /** Every key of one API by id, read through the tree's cached listing pages. */
  async unkeyKeysOfApi(apiId: string, signal?: AbortSignal): Promise<ReadonlyMap<string, ApiKey>> {
    const byId = new Map<string, ApiKey>();
    let cursor: string | undefined;
    for (let page = 0; page < UNKEY_HEALTH_PAGES; page++) {
      const result = await this.unkeyKeysPage(apiId, cursor, signal);
      for (const key of result.items) byId.set(key.keyId, key);
      if (!result.nextCursor || result.items.length === 0) break;
      cursor = result.nextCursor;
    }
    return byId;
  }

  unkeyKeysPage(apiId: string, cursor?: string, signal?: AbortSignal): Promise<Page<ApiKey>> {
    return this.cached(
      'unkey',
      `keys:${apiId}:${cursor ?? ''}`,
      ({ client }, loadSignal) => client.listKeys({ apiId, limit: TREE_PAGE, ...(cursor ? { cursor } : {}) }, loadSignal),
      signal,
    );
  }

  /** Verifications of the last 30 days per key of one API: one query, shared by tree and hovers. */
  async unkeyTotalsByKey(apiId: string, signal?: AbortSignal): Promise<Map<string, OutcomeCounts>> {
    const rows = await this.unkeyVerifications({ apiId, ...lastDays(30, this.now()), groupBy: ['key'] }, signal);
    return new Map(rows.flatMap((row) => (row.keyId ? [[row.keyId, row.outcomes] as const] : [])));
  }

  unkeyVerifications(query: VerificationQuery, signal?: AbortSignal): Promise<VerificationSlice[]> {
    return this.cached('unkey', `verifications:${JSON.stringify(query)}`, ({ client }, loadSignal) => client.getVerifications(query, loadSignal), signal);
  }

  // --- Runtype ----------------------------------------------------------------------------------

  runtypeSummary(signal?: AbortSignal): Promise<KeyActivitySummary> {
    return this.cached('runtype', 'analytics', ({ client }, loadSignal) => client.getAnalytics(loadSignal), signal);
  }

  runtypeKeys(signal?: AbortSignal): Promise<ApiKey[]> {
    return this.cached('runtype', 'keys', ({ client }, loadSignal) => client.listKeys(loadSignal), signal);
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

  /** Resolves once every vendor call started so far has ended, aborted ones included (tests, benchmarks). */
  settled(): Promise<void> {
    return this.cache.settled();
  }

  /** A health read that a token may lack the permission for: remembered per account, told once. */
  private async withPermission<V extends VendorId, T>(
    vendor: V,
    /** Which read this is, as the missing-permission memory keeps it per account. */
    read: string,
    load: (connected: Connected<V>, signal: AbortSignal) => Promise<T>,
    query: string,
    signal: AbortSignal | undefined,
  ): Promise<T | undefined> {
    const connected = await this.clients.connect(vendor);
    if (!connected) throw new NoTokenError(vendor);
    const remembered = `${connected.account}:${read}`;
    if (this.missingPermissions.has(remembered)) return undefined;
    try {
      return await this.cached(vendor, query, load, signal);
    } catch (error) {
      if (!(error instanceof MissingPermissionError)) throw error;
      if (!this.missingPermissions.has(remembered)) {
        this.missingPermissions.set(remembered, error.permission);
        for (const listener of this.permissionListeners) listener(vendor, error.permission);
      }
      return undefined;
    }
  }

  private async cached<V extends VendorId, T>(
    vendor: V,
    query: string,
    load: (connected: Connected<V>, signal: AbortSignal) => Promise<T>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    const connected = await this.clients.connect(vendor);
    if (!connected) throw new NoTokenError(vendor);
    const { account } = connected;
    // Kept answers are served during a cooldown (they cost nothing); only a new load is refused.
    return this.cache.get(
      `${account}:${query}`,
      async (loadSignal) => {
        try {
          this.cooldowns.check(vendor, account);
          const value = await load(connected, loadSignal);
          this.cooldowns.succeeded(account);
          this.settle({ vendor, ok: true });
          return value;
        } catch (error) {
          const thrown = this.cooldowns.failed(vendor, account, error);
          if (!loadSignal.aborted) this.settle({ vendor, ok: false, error: thrown });
          throw thrown;
        }
      },
      signal,
    ) as Promise<T>;
  }
}
