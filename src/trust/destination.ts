// Where a vendor token may be sent: the rule every client connection passes first. Pure (no vscode),
// so unit tests pin each URL form.
import * as l10n from '@vscode/l10n';
import { defaultOrigins } from '../vendors/default-urls';
import { VENDOR_NAMES, type VendorId } from '../vendor-id';
import { BASE_URL_SETTING } from './destination-settings';

/** A base URL that passed the rule: `origin` is what the user confirms (scheme, host and port only). */
export interface Destination {
  url: string;
  origin: string;
  loopback: boolean;
}

/** The base URL in a setting may not receive a token: not a URL, not http(s), plain http off loopback, or with userinfo. */
export class UnsafeBaseUrlError extends Error {
  readonly setting: string;
  constructor(
    readonly vendor: VendorId,
    reason: string,
  ) {
    const setting = BASE_URL_SETTING[vendor];
    super(l10n.t('{0}: the setting {1} {2}. No token was sent.', VENDOR_NAMES[vendor], setting, reason));
    this.name = 'UnsafeBaseUrlError';
    this.setting = setting;
  }
}

// After WHATWG parsing every IPv4 form (0x7f.1, 2130706433, 127.1, a trailing dot) is dotted decimal.
const LOOPBACK_IPV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * localhost, 127.0.0.0/8 and [::1], in any spelling the URL parser normalises to them. Nothing else:
 * not other names that resolve to loopback (a resolver can be changed), not 0.0.0.0, not
 * IPv4-mapped IPv6 — those are treated as remote, which only ever asks more.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === 'localhost.' || host === '[::1]' || LOOPBACK_IPV4.test(host);
}

/** Checks a vendor's configured base URL; throws UnsafeBaseUrlError naming the setting (never the URL's userinfo). */
export function checkDestination(vendor: VendorId, raw: string): Destination {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UnsafeBaseUrlError(vendor, l10n.t('is not a valid URL'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UnsafeBaseUrlError(vendor, l10n.t('must start with https:// (it uses {0})', url.protocol.slice(0, 20)));
  if (url.username !== '' || url.password !== '') throw new UnsafeBaseUrlError(vendor, l10n.t('must not contain a user name or password'));
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    throw new UnsafeBaseUrlError(vendor, l10n.t('uses plain http for {0}; use https:// (plain http is allowed only for localhost, 127.0.0.0/8 and [::1])', url.host));
  }
  return { url: url.href, origin: url.origin, loopback };
}

/** Asks the user, once per vendor and origin, whether a token may go there; rejects when not. */
export interface OriginConsent {
  confirm(vendor: VendorId, origin: string): Promise<void>;
}

/** A vendor's own origins and loopback need no question; every other origin is confirmed once. */
export function needsConsent(vendor: VendorId, destination: Destination): boolean {
  return !destination.loopback && !defaultOrigins(vendor).includes(destination.origin);
}
