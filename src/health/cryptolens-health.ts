// A Cryptolens license key's health. key/GetKey with Metadata=true says whether the license is valid,
// expired or blocked by its product's own rules; product/GetKeys (a page of keys) carries only the
// key's fields, so there blocking cannot be told and the expiry date is taken at face value (a caveat
// says so). A deleted key is known from its usage summary alone.
import * as l10n from '@vscode/l10n';
import type { LicenseKeyDetails } from '../vendors/license-key';
import { datePassedText, expiryState } from './expiry';
import type { HealthOptions } from './options';
import { pick, type CryptolensStatus, type KeyHealth } from './status';
import { formatCount } from '../text/format';

export interface CryptolensHealthInput {
  /** The usage summary's key string is empty: the license key no longer exists. */
  deleted?: boolean;
  /** From key/GetKey or product/GetKeys; undefined when neither could be read. */
  license?: LicenseKeyDetails;
}

export function keyListCaveat(): string {
  return l10n.t("From the product's key list: whether a key is blocked, and whether its product enforces the expiry date, only key/GetKey tells.");
}
/** The caveat in English (translated words are read when a status is made, not when this module loads). */
export const KEY_LIST_CAVEAT = keyListCaveat();

/** Undefined when nothing about the license could be read: no status rather than a guess. */
export function cryptolensHealth(input: CryptolensHealthInput, options: HealthOptions): KeyHealth<CryptolensStatus> | undefined {
  if (input.deleted) return { status: 'Deleted', reason: l10n.t('deleted in Cryptolens; its usage history remains'), others: [] };
  const license = input.license;
  if (!license) return undefined;
  const { status } = license;
  const expiry = expiryState(license.expiresAt, options);
  // With the license status, the date counts only for time-limited licenses; from a key list it counts as written.
  const dated = status === undefined || status.timeLimited;
  const holds: Array<{ status: CryptolensStatus; reason: string }> = [];
  if (status?.invalidity === 'blocked' || license.blockFlag) holds.push({ status: 'Blocked', reason: l10n.t('blocked in Cryptolens') });
  if (status?.invalidity === 'expired') {
    holds.push({ status: 'Expired', reason: expiry.kind === 'expired' ? expiry.text : l10n.t('Cryptolens reports it expired') });
  } else if (status === undefined && expiry.kind === 'expired') {
    holds.push({ status: 'Expired', reason: datePassedText(license.expiresAt ?? options.now, options.now) });
  }
  const seats = seatsText(license);
  if (license.maxMachines > 0 && license.activatedMachines >= license.maxMachines) holds.push({ status: 'Seats full', reason: seats });
  if (dated && expiry.kind === 'soon') holds.push({ status: 'Expires soon', reason: expiry.text });

  const active: string[] = [];
  if (status) active.push(status.valid ? l10n.t('valid') : l10n.t('not valid, for no reason Cryptolens names'));
  active.push(seats);
  if (status && !status.timeLimited) active.push(l10n.t('not time-limited'));
  else if (expiry.kind === 'later') active.push(expiry.text);
  const health = pick(holds, { status: 'Active', reason: active.join('; ') });
  return status ? health : { ...health, caveat: keyListCaveat() };
}

/** "3 of 3 seats used", "1 seat used, no limit". */
function seatsText(license: LicenseKeyDetails): string {
  const used = license.activatedMachines;
  if (license.maxMachines <= 0) return used === 1 ? l10n.t('1 seat used, no limit') : l10n.t('{0} seats used, no limit', formatCount(used));
  return l10n.t('{0} of {1} seats used', formatCount(used), formatCount(license.maxMachines));
}
