// Runtype keys in every health state (issue 13). The seed's first four keys already cover active,
// expired, switched off and active-never-used; this pins the expiry of two of them (no random draw,
// so nothing else in the seed moves): the first never expires, the fourth expires in 3 days.
import type { RuntypeStatus } from '../../../src/health/status';
import type { RuntypeKeyRecord } from './seed';

const DAY = 86_400_000;

export const RUNTYPE_HEALTH_CASES = [
  { name: 'active', status: 'Active', index: 0 },
  { name: 'expired', status: 'Expired', index: 1 },
  { name: 'inactive', status: 'Inactive', index: 2 },
  { name: 'expiresSoon', status: 'Expires soon', index: 3 },
] as const satisfies ReadonlyArray<{ name: string; status: RuntypeStatus; index: number }>;

export type RuntypeHealthCase = (typeof RUNTYPE_HEALTH_CASES)[number]['name'];

/** Sets the cases' expiries in place; returns each case's key id. */
export function applyRuntypeHealth(keys: RuntypeKeyRecord[], now: number): Record<RuntypeHealthCase, string> {
  const at = (index: number): RuntypeKeyRecord => {
    const key = keys[index];
    if (!key) throw new Error('the Runtype seed needs at least 4 keys for the health cases');
    return key;
  };
  at(0).expiresAt = null;
  at(3).expiresAt = Math.floor((now + 3 * DAY) / 1000) * 1000;
  return Object.fromEntries(RUNTYPE_HEALTH_CASES.map((healthCase) => [healthCase.name, at(healthCase.index).id])) as Record<RuntypeHealthCase, string>;
}
