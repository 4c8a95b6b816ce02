// Where a key stands against its expiry, for every vendor alike. A key whose expiry is exactly now
// has expired: it is no longer valid from that instant on.
import type { HealthOptions } from './options';
import { spanText } from './wording';

const DAY = 86_400_000;

export type ExpiryState =
  | { kind: 'never' }
  | { kind: 'expired'; text: string }
  | { kind: 'soon'; text: string }
  | { kind: 'later'; text: string };

export function expiryState(expiresAt: number | undefined, options: HealthOptions): ExpiryState {
  if (expiresAt === undefined || !Number.isFinite(expiresAt)) return { kind: 'never' };
  const left = expiresAt - options.now;
  if (left <= 0) return { kind: 'expired', text: left > -60_000 ? 'expired just now' : `expired ${spanText(left)} ago` };
  const text = `expires in ${spanText(left)}`;
  return left <= options.expiresSoonDays * DAY ? { kind: 'soon', text } : { kind: 'later', text };
}
