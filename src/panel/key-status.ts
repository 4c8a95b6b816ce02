// The Status column of the panel's per-key grids (issue 13): each key's status word, from the same
// rules and the same cached reads as the Keys view (src/health/, usage/key-health.ts), computed here
// on the host and sent with the panel data. A status that cannot be told is left out, never guessed.
import * as l10n from '@vscode/l10n';
import { cryptolensListedHealth } from '../usage/key-health';
import { isCancellation } from '../usage/cancelled';
import { DEFAULT_EXPIRES_SOON_DAYS, type HealthOptions } from '../health/options';
import { runtypeHealth } from '../health/runtype-health';
import type { CryptolensStatus, KeyHealth, KeyStatus, RuntypeStatus, UnkeyStatus } from '../health/status';
import { unkeyHealth } from '../health/unkey-health';
import { plainText } from '../text/untrusted';
import type { LicenseKeyDetails } from '../vendors/license-key';
import { zeroOutcomes, type LicenseKeySummary } from '../vendors/model';
import type { PanelUsage } from './panel-usage';

/** The clock and keyscope.health.expiresSoonDays, read when a panel asks. */
export type PanelHealthClock = () => HealthOptions;

export const defaultPanelHealth: PanelHealthClock = () => ({ now: Date.now(), expiresSoonDays: DEFAULT_EXPIRES_SOON_DAYS });

/** The row fields of a status: the word and its reason, or nothing. */
export function statusFields<S extends KeyStatus>(health: KeyHealth<S> | undefined): { status?: S; statusReason?: string } {
  return health ? { status: health.status, statusReason: plainText(health.reason, 1_000) } : {};
}

export interface Statuses<K, S extends KeyStatus = KeyStatus> {
  byKey: ReadonlyMap<K, KeyHealth<S>>;
  /** Why rows have no status, or what every status here leaves out. */
  note?: string;
}

export function cryptolensNoStatus(): string {
  return l10n.t('No status: the token may not list license keys (product/GetKeys permission), so only usage is shown.');
}

function cryptolensStatusFailed(): string {
  return l10n.t('No status: Cryptolens did not answer the product’s key list (product/GetKeys); usage is shown without it.');
}

/** A product's license keys as product/GetKeys lists them, or why they are missing. */
export interface ProductLicenses {
  licenses?: ReadonlyMap<number, LicenseKeyDetails>;
  note?: string;
}

/** product/GetKeys: ⌈N/99⌉ requests once per cache lifetime, shared with the Keys view. Never fails the panel. */
export async function productLicenses(usage: PanelUsage, productId: number, signal?: AbortSignal): Promise<ProductLicenses> {
  try {
    const licenses = await usage.productLicenseKeys(productId, signal);
    return licenses ? { licenses } : { note: cryptolensNoStatus() };
  } catch (error) {
    if (isCancellation(error)) throw error;
    return { note: cryptolensStatusFailed() };
  }
}

/** A product's keys by license key id; a deleted key is Deleted without the key list. */
export function cryptolensStatuses(summaries: readonly LicenseKeySummary[], read: ProductLicenses, options: HealthOptions): Statuses<number, CryptolensStatus> {
  const byKey = new Map<number, KeyHealth<CryptolensStatus>>();
  let caveat: string | undefined;
  for (const summary of summaries) {
    const health = cryptolensListedHealth(summary, read.licenses?.get(summary.licenseKeyId), options);
    if (!health) continue;
    byKey.set(summary.licenseKeyId, health);
    caveat ??= health.caveat;
  }
  const note = read.note ?? caveat;
  return { byKey, ...(note ? { note } : {}) };
}

/**
 * The shown Unkey keys of one API by key id: their listings (usage.unkeyKeysById: the API's key list
 * or keys.getKey each, whichever costs fewer requests) and the API's one last-24-hours query. Without
 * the listings no key gets a status; without the query rates go unchecked.
 */
export async function unkeyStatuses(usage: PanelUsage, apiId: string, keyIds: readonly string[], options: HealthOptions, signal?: AbortSignal): Promise<Statuses<string, UnkeyStatus>> {
  const quiet = (error: unknown): undefined => {
    if (isCancellation(error)) throw error;
    return undefined;
  };
  const [listing, recent] = await Promise.all([usage.unkeyKeysById(apiId, keyIds, signal).catch(quiet), usage.unkeyRecentByKey(apiId, signal).catch(quiet)]);
  if (!listing || (listing.size === 0 && keyIds.length > 0)) return { byKey: new Map(), note: l10n.t('No status: Keyscope could not read this API’s keys (the root key needs read_key and read_api).') };
  const byKey = new Map<string, KeyHealth<UnkeyStatus>>();
  let caveat: string | undefined;
  for (const [keyId, key] of listing) {
    const health = unkeyHealth(recent ? { key, last24h: recent.get(keyId) ?? zeroOutcomes() } : { key }, options);
    byKey.set(keyId, health);
    caveat ??= health.caveat;
  }
  return { byKey, ...(caveat ? { note: caveat } : {}) };
}

/** Runtype keys by id, from the key list (one request, shared with the Keys view). */
export async function runtypeStatuses(usage: PanelUsage, options: HealthOptions, signal?: AbortSignal): Promise<Statuses<string, RuntypeStatus>> {
  const keys = await usage.runtypeKeys(signal).catch((error: unknown) => {
    if (isCancellation(error)) throw error;
    return undefined;
  });
  if (!keys) return { byKey: new Map(), note: l10n.t('No status: Runtype did not answer the key list; usage is shown without it.') };
  return { byKey: new Map(keys.map((key) => [key.keyId, runtypeHealth(key, options)])) };
}
