// What every vendor's reads share: the bounded cache (cache.ts) keyed per account and query, the
// cooldowns (cooldown.ts), the "how did the last call end" listeners, and the memory of health reads
// an account's token lacks the permission for. The vendor reads build on it (cryptolens-usage.ts,
// unkey-usage.ts, usage-service.ts).
import type { VendorId } from '../vendor-id';
import { BoundedCache, type CacheLimits } from './cache';
import { CoolingDownError, Cooldowns } from './cooldown';
import { DEFAULT_MAX_SCAN_KEYS } from './scan';
import type { Connected, VendorClients } from './vendor-clients';
import { MissingPermissionError } from '../http/missing-permission-error';
import { NoTokenError } from './no-token-error';

/** Told once per vendor and account that the token lacks the permission status needs. */
export type MissingPermissionListener = (vendor: VendorId, permission: string) => void;

/** How a vendor's latest call ended: told to whoever shows vendor health (the status bar). */
export type Settled = { vendor: VendorId; ok: true } | { vendor: VendorId; ok: false; error: unknown };

export interface UsageOptions {
  cache?: Partial<CacheLimits>;
  /** keyscope.cryptolens.maxScanKeys, read at each scan (a settings change clears the cache). */
  maxScanKeys?: () => number;
  /** keyscope.unkey.apiIds: the APIs one Unkey query answers together (hovers, tree, lookups). */
  unkeyApiIds?: () => readonly string[];
}

export class UsageCore {
  private readonly cache: BoundedCache<unknown>;
  /** Shared by every surface: a vendor that said "slow down" gets no request from any of them. */
  private readonly cooldowns: Cooldowns;
  protected readonly maxScanKeys: () => number;
  private readonly settleListeners = new Set<(settled: Settled) => void>();
  /** Health reads an account's token lacks the permission for (`account:read` → permission): asked no more. */
  private readonly missingPermissions = new Map<string, string>();
  private readonly permissionListeners = new Set<MissingPermissionListener>();
  /** Per-account memories of the vendor reads (keyed `vendor:…`), forgotten with that vendor's answers. */
  private readonly accountMemories: Array<Map<string, unknown>> = [this.missingPermissions];

  constructor(
    protected readonly clients: VendorClients,
    protected readonly now: () => number = Date.now,
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
    for (const map of this.accountMemories) {
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

  /** Resolves once every vendor call started so far has ended, aborted ones included (tests, benchmarks). */
  settled(): Promise<void> {
    return this.cache.settled();
  }

  /**
   * A map of per-account memory (keys start with the account, `vendor:…`), forgotten by clear() with
   * that vendor's answers. Its entries are few (one per account and scope) and bounded by the caller.
   */
  protected accountMemory<V>(): Map<string, V> {
    const map = new Map<string, V>();
    this.accountMemories.push(map as Map<string, unknown>);
    return map;
  }

  /** The vendor's client and account, or NoTokenError. */
  protected async connected<V extends VendorId>(vendor: V): Promise<Connected<V>> {
    const connected = await this.clients.connect(vendor);
    if (!connected) throw new NoTokenError(vendor);
    return connected;
  }

  /** A health read that a token may lack the permission for: remembered per account, told once. */
  protected async withPermission<V extends VendorId, T>(
    vendor: V,
    /** Which read this is, as the missing-permission memory keeps it per account. */
    read: string,
    load: (connected: Connected<V>, signal: AbortSignal) => Promise<T>,
    query: string,
    signal: AbortSignal | undefined,
  ): Promise<T | undefined> {
    const connected = await this.connected(vendor);
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

  // Every read takes an optional AbortSignal: the caller's (a hover, a lookup, a panel). It ends that
  // caller's wait; the vendor call behind it is aborted once no caller waits any more (cache.ts).
  protected async cached<V extends VendorId, T>(
    vendor: V,
    query: string,
    load: (connected: Connected<V>, signal: AbortSignal) => Promise<T>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    const connected = await this.connected(vendor);
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
