// The vendors' own API URLs: used when a base-URL setting is empty or unset, and the origins a
// token may reach without a question (src/trust/origin-consent.ts).
import type { VendorId } from '../vendor-id';
import type { UnkeyApiVersion } from './unkey/types';

export const CRYPTOLENS_DEFAULT_BASE_URL = 'https://api.cryptolens.io/api/';
export const RUNTYPE_DEFAULT_BASE_URL = 'https://api.runtype.com';
export const UNKEY_DEFAULT_BASE_URLS: Readonly<Record<UnkeyApiVersion, string>> = {
  v1: 'https://api.unkey.dev',
  v2: 'https://api.unkey.com',
};

/** Every origin a vendor's own URL has, whichever Unkey version is chosen. */
export function defaultOrigins(vendor: VendorId): string[] {
  const urls = vendor === 'cryptolens' ? [CRYPTOLENS_DEFAULT_BASE_URL] : vendor === 'runtype' ? [RUNTYPE_DEFAULT_BASE_URL] : Object.values(UNKEY_DEFAULT_BASE_URLS);
  return urls.map((url) => new URL(url).origin);
}
