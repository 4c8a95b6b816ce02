// Runtype keys in every health state (issue 13). The seed's first four keys already cover active,
// expired, switched off and active-never-used; this pins the expiry of two of them (no random draw,
// so nothing else in the seed moves): the first never expires, the fourth expires in 3 days. A seed of
// fewer keys gets the cases it has.
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
export function applyRuntypeHealth(keys: RuntypeKeyRecord[], now: number): Partial<Record<RuntypeHealthCase, string>> {
  if (keys[0]) keys[0].expiresAt = null;
  if (keys[3]) keys[3].expiresAt = Math.floor((now + 3 * DAY) / 1000) * 1000;
  const ids: Partial<Record<RuntypeHealthCase, string>> = {};
  for (const healthCase of RUNTYPE_HEALTH_CASES) {
    const key = keys[healthCase.index];
    if (key) ids[healthCase.name] = key.id;
  }
  return ids;
}
