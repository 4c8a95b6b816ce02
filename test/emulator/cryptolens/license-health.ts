// License keys in every health state (issue 13): the seed pages' example key, then the first keys of
// the example product that have usage, set to known states; and the first deleted key with usage.
// Found by case or by status word (`healthKeys`, and the config line's `cryptolens.health`). A seed
// too small to hold them all (benchmarks start some with a handful of keys) gets the cases it can.
import type { CryptolensStatus } from '../../../src/health/status';
import type { CryptolensData, LicenseKey } from './data';
import { EXAMPLE_KEY_ID, EXAMPLE_PRODUCT_ID } from './examples';
import type { LicenseBook, LicenseRecord } from './licenses';

const DAY = 86_400_000;

export const CRYPTOLENS_HEALTH_CASES = [
  { name: 'active', status: 'Active' },
  { name: 'blocked', status: 'Blocked' },
  { name: 'expired', status: 'Expired' },
  { name: 'seatsFull', status: 'Seats full' },
  { name: 'expiresSoon', status: 'Expires soon' },
  /** Its expiry date has passed, but it is not time-limited: key/GetKey says valid. */
  { name: 'pastDateNotEnforced', status: 'Active' },
  { name: 'deleted', status: 'Deleted' },
] as const satisfies ReadonlyArray<{ name: string; status: CryptolensStatus }>;

export type CryptolensHealthCase = (typeof CRYPTOLENS_HEALTH_CASES)[number]['name'];

export interface HealthKey {
  productId: number;
  keyId: number;
  /** The key string; "" for the deleted key. */
  key: string;
  status: CryptolensStatus;
}

export function seedLicenseHealth(data: CryptolensData, book: LicenseBook, avoidKeyId: number): Partial<Record<CryptolensHealthCase, HealthKey>> {
  const now = book.now;
  const used = new Set(data.summaries.map((row) => row.keyId));
  const candidates = data.keys.filter(
    (key) => key.productId === EXAMPLE_PRODUCT_ID && !key.deleted && used.has(key.id) && key.id !== EXAMPLE_KEY_ID && key.id !== avoidKeyId,
  );
  const example = data.keys.find((key) => key.id === EXAMPLE_KEY_ID);
  const deleted = data.keys.find((key) => key.deleted && used.has(key.id));
  const [blocked, expired, seatsFull, expiresSoon, pastDate] = candidates;
  const features = (timeLimited: boolean): boolean[] => [timeLimited, false, false, false, false, false, false, false];
  const machines = (record: LicenseRecord, count: number): LicenseRecord['machines'] =>
    Array.from({ length: count }, (_, index) => record.machines[index] ?? { mid: `HEALTH-${record.keyId}-${index + 1}`, ip: `10.0.0.${index + 1}`, time: Math.min(record.created + (index + 1) * DAY, now - DAY) });

  // Every case gets a known expiry (created no later than one period before it), so that the key
  // list, which takes the date at face value, shows the same word wherever the date allows.
  const set = (key: LicenseKey | undefined, expires: number, fields: Partial<LicenseRecord>): void => {
    if (!key) return;
    const record = book.get(key);
    book.set(key, { blocked: false, maxNoOfMachines: 0, ...fields, expires, created: Math.min(record.created, expires - record.period * DAY) });
  };
  // The example key answers GetKey's metadata exactly as CL:model/Metadata's example:
  // 3 activated machines, valid, not a trial, not time-limited.
  if (example) {
    set(example, now + 365 * DAY, {
      features: features(false),
      machines: [{ mid: 'MACHINE-1', ip: '10.0.0.1', time: 1_748_131_200_000 }, ...machines(book.get(example), 3).slice(1)],
      maxNoOfMachines: 5,
    });
  }
  set(blocked, now + 200 * DAY, { blocked: true, features: features(false) });
  set(expired, now - 10 * DAY, { features: features(true) });
  if (seatsFull) set(seatsFull, now + 200 * DAY, { features: features(false), machines: machines(book.get(seatsFull), 3), maxNoOfMachines: 3 });
  set(expiresSoon, now + 3 * DAY, { features: features(true) });
  set(pastDate, now - 40 * DAY, { features: features(false) });

  const chosen: Record<CryptolensHealthCase, LicenseKey | undefined> = {
    active: example,
    blocked,
    expired,
    seatsFull,
    expiresSoon,
    pastDateNotEnforced: pastDate,
    deleted,
  };
  const cases: Partial<Record<CryptolensHealthCase, HealthKey>> = {};
  for (const { name, status } of CRYPTOLENS_HEALTH_CASES) {
    const key = chosen[name];
    if (key) cases[name] = { productId: key.productId, keyId: key.id, key: key.deleted ? '' : key.key, status };
  }
  return cases;
}
