// A Runtype API key's health, from the key list alone (isActive, expiresAt). Runtype reports an
// expired key as not active (its docs example counts exactly its inactive keys as expired), so a key
// is "Inactive" only when it is off for another reason; otherwise it is "Expired".
import * as l10n from '@vscode/l10n';
import type { ApiKey } from '../vendors/model';
import { expiryState } from './expiry';
import type { HealthOptions } from './options';
import { pick, type KeyHealth, type RuntypeStatus } from './status';

export function runtypeHealth(key: Pick<ApiKey, 'enabled' | 'expiresAt'>, options: HealthOptions): KeyHealth<RuntypeStatus> {
  const expiry = expiryState(key.expiresAt, options);
  const holds: Array<{ status: RuntypeStatus; reason: string }> = [];
  if (!key.enabled && expiry.kind !== 'expired') holds.push({ status: 'Inactive', reason: l10n.t('Runtype reports the key as not active') });
  if (expiry.kind === 'expired') holds.push({ status: 'Expired', reason: expiry.text });
  if (expiry.kind === 'soon') holds.push({ status: 'Expires soon', reason: expiry.text });
  return pick(holds, { status: 'Active', reason: expiry.kind === 'later' ? l10n.t('active; {0}', expiry.text) : l10n.t('active; never expires') });
}
