// Vendor answers kept for a while and shared while in flight: quota is the user's money, and the
// editor runs for days. Bounded: at most `maxEntries` answers and `maxBytes` (estimated, byte-size.ts),
// the least recently used going first; expired answers are swept on every insert and on a timer. A
// failure is kept briefly too, so a burst of hovers over a failing vendor costs one request.
import { estimateBytes } from './byte-size';
import { isCancellation, LoadCancelledError } from './cancelled';

export interface CacheLimits {
  /** How long an answer is reused. */
  ttlMs: number;
  /** How long a failure is reused instead of asking again. */
  failureTtlMs: number;
  maxEntries: number;
  /** Estimated bytes of all answers; an answer larger than this alone is served but not kept. */
  maxBytes: number;
  /** How often expired answers are swept when nothing is inserted. */
  sweepIntervalMs: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = {
  ttlMs: 5 * 60_000,
  // Long enough for a burst of hovers, short enough that the next deliberate look asks again.
  failureTtlMs: 10_000,
  // A person's working set (tree pages, a few panels, recent lookups) is tens of answers.
  maxEntries: 500,
  // Room for a full 100,000-key Cryptolens scan (~32 MB estimated) beside the rest.
  maxBytes: 48 * 1024 * 1024,
  sweepIntervalMs: 60_000,
};

/** A failure costs the error object; its text is bounded by KeyscopeError. */
const FAILURE_BYTES = 1024;
/**
 * What keeping any answer costs beside the answer itself: its key (a one-byte string of ~100
 * characters), the entry record and the Map's slot for it. With it, a one-device answer counts
 * ~0.6 KB where V8 holds ~0.9 KB (bench section 7, caps lifted): for small answers the entry cap
 * is the bound that bites; large ones are estimated within ~20% above the heap they take.
 */
export function entryBytes(key: string): number {
  return 16 + key.length + 24 + 4 * 8 + 64;
}

/** An answer's estimated bytes (byte-size.ts) plus what keeping it under `key` costs. */
export function keptBytes(value: unknown, key: string): number {
  return estimateBytes(value) + entryBytes(key);
}

type Stored<V> = { ok: true; value: V; bytes: number; expires: number } | { ok: false; error: unknown; bytes: number; expires: number };

interface Flight<V> {
  promise: Promise<V>;
  controller: AbortController;
  /** Callers waiting with a signal of their own; those without one never leave. */
  waiters: number;
  anchored: boolean;
}

export class BoundedCache<V> {
  readonly limits: CacheLimits;
  // A Map iterates in insertion order; every hit re-inserts, so the first entry is the least recently used.
  private readonly stored = new Map<string, Stored<V>>();
  private readonly flights = new Map<string, Flight<V>>();
  /** Every load still running, including those nobody waits for any more (until their abort lands). */
  private readonly running = new Set<Promise<unknown>>();
  private storedBytes = 0;
  private readonly timer: ReturnType<typeof setInterval>;
  private disposed = false;

  constructor(
    limits: Partial<CacheLimits> = {},
    private readonly now: () => number = Date.now,
    private readonly sizeOf: (value: V, key: string) => number = keptBytes,
    /** False for failures that must not be reused (a cooldown carries its own end). */
    private readonly remembers: (error: unknown) => boolean = () => true,
  ) {
    this.limits = { ...DEFAULT_CACHE_LIMITS, ...limits };
    this.timer = setInterval(() => this.sweep(), this.limits.sweepIntervalMs);
    // The sweep alone must not keep a process (a test, a benchmark) alive.
    this.timer.unref?.();
  }

  /**
   * The kept or in-flight answer for `key`, or `load()`'s. `signal` ends this caller's wait; the load
   * itself is aborted (its `signal` fires) only when every caller waiting for it has left.
   */
  get(key: string, load: (signal: AbortSignal) => Promise<V>, signal?: AbortSignal): Promise<V> {
    if (this.disposed || signal?.aborted) return Promise.reject(new LoadCancelledError());
    const hit = this.stored.get(key);
    if (hit && hit.expires > this.now()) {
      this.stored.delete(key);
      this.stored.set(key, hit);
      return hit.ok ? Promise.resolve(hit.value) : Promise.reject(hit.error);
    }
    if (hit) this.remove(key);
    return this.wait(key, this.flights.get(key) ?? this.start(key, load), signal);
  }

  /** Forgets every answer and failure whose key starts with `prefix` (all when omitted); loads in flight finish unkept. */
  clear(prefix = ''): void {
    for (const key of [...this.stored.keys()]) if (key.startsWith(prefix)) this.remove(key);
    for (const [key, flight] of [...this.flights]) {
      if (!key.startsWith(prefix)) continue;
      this.flights.delete(key);
      if (flight.waiters === 0 && !flight.anchored) flight.controller.abort();
    }
  }

  /** Forgets failures only (a deliberate retry asks again), keeping the answers. */
  forgetFailures(prefix = ''): void {
    for (const [key, entry] of [...this.stored]) if (!entry.ok && key.startsWith(prefix)) this.remove(key);
  }

  /** Drops what has expired. */
  sweep(): void {
    const now = this.now();
    // Deleting the entry a Map iterator stands on is safe; no copy of the entries is made.
    for (const [key, entry] of this.stored) if (entry.expires <= now) this.remove(key);
  }

  get size(): number {
    return this.stored.size;
  }

  get bytes(): number {
    return this.storedBytes;
  }

  get inFlight(): number {
    return this.flights.size;
  }

  /** Resolves once every load started so far has ended, aborted ones included. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Aborts every load, forgets everything and stops the sweep timer. */
  dispose(): void {
    this.disposed = true;
    clearInterval(this.timer);
    for (const flight of this.flights.values()) flight.controller.abort();
    this.flights.clear();
    this.stored.clear();
    this.storedBytes = 0;
  }

  private start(key: string, load: (signal: AbortSignal) => Promise<V>): Flight<V> {
    const controller = new AbortController();
    const promise = Promise.resolve().then(() => load(controller.signal));
    const flight: Flight<V> = { promise, controller, waiters: 0, anchored: false };
    this.flights.set(key, flight);
    this.running.add(promise);
    promise.then(
      (value) => {
        this.running.delete(promise);
        if (this.flights.get(key) !== flight) return;
        this.flights.delete(key);
        this.store(key, { ok: true, value, bytes: this.sizeOf(value, key), expires: this.now() + this.limits.ttlMs });
      },
      (error: unknown) => {
        this.running.delete(promise);
        if (this.flights.get(key) !== flight) return;
        this.flights.delete(key);
        if (controller.signal.aborted || isCancellation(error) || !this.remembers(error)) return;
        this.store(key, { ok: false, error, bytes: FAILURE_BYTES + entryBytes(key), expires: this.now() + this.limits.failureTtlMs });
      },
    );
    return flight;
  }

  private wait(key: string, flight: Flight<V>, signal: AbortSignal | undefined): Promise<V> {
    if (!signal) {
      flight.anchored = true;
      return flight.promise;
    }
    flight.waiters += 1;
    return new Promise<V>((resolve, reject) => {
      const leave = (): void => {
        flight.waiters -= 1;
        reject(new LoadCancelledError());
        if (flight.waiters > 0 || flight.anchored) return;
        if (this.flights.get(key) === flight) this.flights.delete(key);
        flight.controller.abort();
      };
      signal.addEventListener('abort', leave, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', leave);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', leave);
          reject(error);
        },
      );
    });
  }

  private store(key: string, entry: Stored<V>): void {
    if (this.disposed || entry.bytes > this.limits.maxBytes) return;
    this.remove(key);
    this.stored.set(key, entry);
    this.storedBytes += entry.bytes;
    this.sweep();
    for (const oldest of this.stored.keys()) {
      if (this.stored.size <= this.limits.maxEntries && this.storedBytes <= this.limits.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.stored.get(key);
    if (!entry) return;
    this.stored.delete(key);
    this.storedBytes -= entry.bytes;
  }
}
