// A vendor that says "slow down" is left alone. A 429 (whatever its Retry-After: seconds or an HTTP
// date, any length) or a documented quota error puts that vendor and account in a cooldown shared by
// every surface: until it ends no request is sent, and each surface says when to try again. Retries
// inside one call (http/retry.ts: at most 3, Retry-After up to 60 s) happen before this rule applies.
import * as l10n from '@vscode/l10n';
import { KeyscopeError, RateLimitedError, VendorError } from '../http/errors';
import { VENDOR_NAMES, type VendorId } from '../vendor-id';

/** The wait when the vendor names none: doubled by each further refusal, up to the ceiling. */
export const UNSAID_COOLDOWN_MS = 10_000;
export const MAX_UNSAID_COOLDOWN_MS = 15 * 60_000;
/** A Retry-After of 0 (or an HTTP date already past) after every retry was refused still waits this long. */
const MIN_COOLDOWN_MS = 1_000;

// Unkey names a quota refusal by its error type (v2) or code (v1); both come as 429 today, but the
// words are the documented contract.
const QUOTA_CODES = /(^RATE_LIMITED$|too_many_requests|quota_exceeded)/i;

/** The vendor asked to be left alone until `until`; nothing was sent. */
export class CoolingDownError extends KeyscopeError {
  readonly until: number;
  constructor(vendor: VendorId, endpoint: string, until: number, now: number) {
    super({ vendor, endpoint }, l10n.t('rate limited, try again {0}', whenText(until, now)));
    this.until = until;
  }
}

/** True for a refusal that means "slow down": a 429, or a documented quota error. */
export function isSlowDown(error: unknown): error is VendorError {
  return error instanceof RateLimitedError || (error instanceof VendorError && error.code !== undefined && QUOTA_CODES.test(error.code));
}

/** "in 8 s", "after 14:05 UTC", or "after 2025-05-27 14:05 UTC" when it is not today. */
export function whenText(until: number, now: number): string {
  const left = until - now;
  if (left < 60_000) return l10n.t('in {0} s', Math.max(1, Math.ceil(left / 1000)));
  // Rounded up to the minute: "after 14:05" must not invite a retry that is still too early.
  const minute = new Date(Math.ceil(until / 60_000) * 60_000).toISOString();
  const today = new Date(now).toISOString().slice(0, 10);
  return minute.slice(0, 10) === today ? l10n.t('after {0} UTC', minute.slice(11, 16)) : l10n.t('after {0} {1} UTC', minute.slice(0, 10), minute.slice(11, 16));
}

interface Cooldown {
  vendor: VendorId;
  endpoint: string;
  until: number;
  /** Refusals in a row without a Retry-After, for the doubling. */
  unsaid: number;
}

/** One per usage service: keyed by account (vendor, where and token fingerprint), so every surface shares it. */
export class Cooldowns {
  private readonly entries = new Map<string, Cooldown>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws CoolingDownError while `account` is cooling down. */
  check(vendor: VendorId, account: string): void {
    const entry = this.entries.get(account);
    const now = this.now();
    if (entry && entry.until > now) throw new CoolingDownError(vendor, entry.endpoint, entry.until, now);
  }

  /** The end of the account's cooldown, or undefined when there is none now. */
  until(account: string): number | undefined {
    const entry = this.entries.get(account);
    return entry && entry.until > this.now() ? entry.until : undefined;
  }

  /**
   * What a failed call should throw: for a slow-down, the cooldown it starts (or extends); any other
   * error unchanged.
   */
  failed(vendor: VendorId, account: string, error: unknown): unknown {
    if (!isSlowDown(error)) return error;
    const now = this.now();
    const current = this.entries.get(account);
    const active = current !== undefined && current.until > now;
    const retryAfter = error instanceof RateLimitedError ? error.retryAfterMs : undefined;
    // Concurrent calls refused together are one refusal: only a new one doubles the unsaid wait.
    const unsaid = retryAfter === undefined ? (active ? current.unsaid : (current?.unsaid ?? 0) + 1) : 0;
    const wait = retryAfter !== undefined ? Math.max(MIN_COOLDOWN_MS, retryAfter) : Math.min(MAX_UNSAID_COOLDOWN_MS, UNSAID_COOLDOWN_MS * 2 ** (unsaid - 1));
    const until = Math.max(active ? current.until : 0, now + wait);
    this.entries.set(account, { vendor, endpoint: error.endpoint, until, unsaid });
    return new CoolingDownError(vendor, error.endpoint, until, now);
  }

  /** A call that worked after the cooldown ended resets the doubling. */
  succeeded(account: string): void {
    const entry = this.entries.get(account);
    if (entry && entry.until <= this.now()) this.entries.delete(account);
  }

  /** Every cooldown in force now, for "Refresh" to say which vendors it left alone. */
  active(): Array<{ vendor: VendorId; until: number; message: string }> {
    const now = this.now();
    return [...this.entries.values()]
      .filter((entry) => entry.until > now)
      .map((entry) => ({ vendor: entry.vendor, until: entry.until, message: l10n.t('{0}: rate limited, try again {1}', VENDOR_NAMES[entry.vendor], whenText(entry.until, now)) }));
  }
}
