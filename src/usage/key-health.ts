// A key's health (src/health/*) from what the usage service already reads or caches: the rules are
// pure, this only gathers their input. A health read that fails leaves the status out, never the
// usage beside it.
import { cryptolensHealth } from '../health/cryptolens-health';
import type { HealthOptions } from '../health/options';
import { runtypeHealth } from '../health/runtype-health';
import type { CryptolensStatus, KeyHealth } from '../health/status';
import { unkeyHealth } from '../health/unkey-health';
import { zeroOutcomes, type ApiKey, type LicenseKeySummary } from '../vendors/model';
import type { LicenseKeyDetails } from '../vendors/license-key';
import { isCancellation } from './cancelled';
import type { UsageService } from './usage-service';

/**
 * An Unkey key's health: its listing (given, or read through the usage service) and its API's one
 * last-24-hours query. Undefined when the key's listing cannot be read.
 */
export async function unkeyKeyHealth(
  usage: UsageService,
  apiId: string,
  keyId: string,
  options: HealthOptions,
  signal?: AbortSignal,
  listing?: ApiKey,
): Promise<KeyHealth | undefined> {
  const [key, recent] = await Promise.all([
    listing ? Promise.resolve(listing) : usage.unkeyKeyListing(apiId, keyId, signal).catch(quiet),
    usage.unkeyRecentByKey(apiId, signal).catch(quiet),
  ]);
  if (!key) return undefined;
  // A key with no row in the last 24 hours had no verifications then.
  return unkeyHealth(recent ? { key, last24h: recent.get(keyId) ?? zeroOutcomes() } : { key }, options);
}

/** A Cryptolens key's health from its summary and key/GetKey (undefined without GetKey or on failure). */
export async function cryptolensKeyHealth(
  usage: UsageService,
  summary: Pick<LicenseKeySummary, 'productId' | 'key'>,
  options: HealthOptions,
  signal?: AbortSignal,
): Promise<KeyHealth | undefined> {
  if (!summary.key) return cryptolensHealth({ deleted: true }, options);
  const license = await usage.licenseKeyDetails(summary.productId, summary.key, signal).catch(quiet);
  return license ? cryptolensHealth({ license }, options) : undefined;
}

/**
 * A Cryptolens key's health for a hover: key/GetKey while few keys of its product are hovered, then
 * the product's key list (usage.hoverLicense), whose health carries the key list's caveat, as the
 * tree's rows do.
 */
export async function cryptolensHoverHealth(
  usage: UsageService,
  summary: Pick<LicenseKeySummary, 'productId' | 'licenseKeyId' | 'key'>,
  options: HealthOptions,
  signal?: AbortSignal,
): Promise<KeyHealth | undefined> {
  if (!summary.key) return cryptolensHealth({ deleted: true }, options);
  const read = await usage.hoverLicense(summary, signal).catch(quiet);
  return read?.license ? cryptolensHealth({ license: read.license }, options) : undefined;
}

/** From a product's key list (the tree's rows): a summary without a key string is Deleted. */
export function cryptolensListedHealth(summary: Pick<LicenseKeySummary, 'key'>, license: LicenseKeyDetails | undefined, options: HealthOptions): KeyHealth<CryptolensStatus> | undefined {
  if (!summary.key) return cryptolensHealth({ deleted: true }, options);
  return license ? cryptolensHealth({ license }, options) : undefined;
}

export function runtypeKeyHealth(key: ApiKey, options: HealthOptions): KeyHealth {
  return runtypeHealth(key, options);
}

/** A cancelled wait still rejects (the caller stops); any other failure just leaves the status out. */
function quiet(error: unknown): undefined {
  if (isCancellation(error)) throw error;
  return undefined;
}
