// Where a key stands against its expiry, for every vendor alike. A key whose expiry is exactly now
// has expired: it is no longer valid from that instant on.
import * as l10n from '@vscode/l10n';
import type { HealthOptions } from './options';
import { spanText } from './wording';

const DAY = 86_400_000;

export type ExpiryState =
  | { kind: 'never' }
  | { kind: 'expired'; text: string }
  | { kind: 'soon'; text: string }
  | { kind: 'later'; text: string };

/** "expiry date passed 3 days ago": a date passed that the vendor did not itself call expired. */
export function datePassedText(expiresAt: number, now: number): string {
  const left = expiresAt - now;
  return left > -60_000 ? l10n.t('expiry date passed just now') : l10n.t('expiry date passed {0} ago', spanText(left));
}

export function expiryState(expiresAt: number | undefined, options: HealthOptions): ExpiryState {
  if (expiresAt === undefined || !Number.isFinite(expiresAt)) return { kind: 'never' };
  const left = expiresAt - options.now;
  if (left <= 0) return { kind: 'expired', text: left > -60_000 ? l10n.t('expired just now') : l10n.t('expired {0} ago', spanText(left)) };
  const text = l10n.t('expires in {0}', spanText(left));
  return left <= options.expiresSoonDays * DAY ? { kind: 'soon', text } : { kind: 'later', text };
}
