// ai/GetDailyAggregates rows computed from the Web API log, one per product per UTC day with requests:
//   - totalRequestsLogged = the day's log events of the product's keys; successful / failed = those
//     whose state has third digit 1 / 2 (the rule CL:model/DailyCountryAggregate states for its fields);
//   - activeKeys / activeDevices / activeCustomers = distinct keys, machine codes and customers with at
//     least one event that day (the emulation's reading of "activity overlaps the date");
//   - keys excluded from usage analytics (every 40th seeded key, never the example key) are left out,
//     as the GetDailyAggregates page says; their summaries remain (GetKeyUsageSummaries page: summaries
//     "can include keys excluded from daily overview aggregates"). So, per product, the daily rows add
//     up to the summaries of the keys that are not excluded.
// The same pass finds the anomaly groups (a key's failures on a day when it failed at least 5 times).
import { createRandom } from '../random';
import { isFailedState, STATE_CODES } from './activity-codes';
import type { ActivityLog } from './activity-log';
import type { CryptolensData } from './data';

export interface DailyAggregateRow {
  id: number;
  productId: number;
  /** yyyy-MM-dd (UTC) */
  date: string;
  totalRequestsLogged: number;
  successful: number;
  failed: number;
  activeDevices: number;
  activeKeys: number;
  activeCustomers: number;
}

/** A group of requests the anomaly classification marks (help page "Anomaly detection"). */
export interface AnomalyGroup {
  groupId: number;
  /** Log id of the group's first and last entry. */
  startingAt: number;
  endingAt: number;
}

export interface DailyActivity {
  /** Ascending by id, which grows with the day (then the product id). */
  aggregates: DailyAggregateRow[];
  /** `${keyId}:${utcDay}` → the group that key's failures that day form. */
  anomalies: ReadonlyMap<string, AnomalyGroup>;
  excludedKeyIds: ReadonlySet<number>;
  /** The customer a key belongs to; undefined for keys sold without one. */
  customerOf(keyId: number): number | undefined;
}

export const ANOMALY_MIN_FAILURES = 5;
const DAY = 86_400;

export function seedDailyActivity(data: CryptolensData, log: ActivityLog, seed: number): DailyActivity {
  const keyIndex = new Map(data.keys.map((key, index) => [key.id, index]));
  const customers = Math.max(1, Math.floor(data.keys.length / 3));
  const excludedKeyIds = new Set(data.keys.filter((_, index) => index % 40 === 21).map((key) => key.id));
  const customerOf = (keyId: number): number | undefined => {
    const index = keyIndex.get(keyId);
    if (index === undefined || index % 5 === 4) return undefined;
    return 1 + (mix(index) % customers);
  };

  // What each owner counts towards, as small integers: counting distinct keys, machine codes and
  // customers per product and day is then a comparison per event (the default scale has millions).
  const slots = (): ((id: string) => number) => {
    const seen = new Map<string, number>();
    return (id) => seen.get(id) ?? (seen.set(id, seen.size), seen.size - 1);
  };
  const productSlot = slots();
  const keySlot = slots();
  const deviceSlot = slots();
  const customerSlot = slots();
  const owners = log.owners.map((owner) => {
    const customer = customerOf(owner.keyId);
    return {
      keyId: owner.keyId,
      product: productSlot(String(owner.productId)),
      key: keySlot(String(owner.keyId)),
      device: owner.machineCode === null ? -1 : deviceSlot(`${owner.productId}/${owner.machineCode}`),
      customer: customer === undefined ? -1 : customerSlot(`${owner.productId}/${customer}`),
      excluded: excludedKeyIds.has(owner.keyId),
    };
  });
  const productIds = [...new Set(log.owners.map((owner) => owner.productId))];
  const failedState = Uint8Array.from(STATE_CODES, (code) => (isFailedState(code) ? 1 : 0));
  const counted = { key: new Int32Array(owners.length + 1).fill(-1), device: new Int32Array(owners.length + 1).fill(-1), customer: new Int32Array(owners.length + 1).fill(-1) };
  const perProduct = productIds.map(() => ({ total: 0, failed: 0, keys: 0, devices: 0, customers: 0 }));

  const random = createRandom((seed * 0x1b873593) ^ 0xda7);
  const aggregates: DailyAggregateRow[] = [];
  const anomalies = new Map<string, AnomalyGroup>();
  let nextId = 100;
  let day = -1;
  let failures = new Map<number, { count: number; first: number; last: number }>();
  const flush = (): void => {
    const order = productIds.map((productId, slot) => ({ productId, slot })).sort((a, b) => a.productId - b.productId);
    for (const { productId, slot } of order) {
      const acc = perProduct[slot];
      if (!acc || acc.total === 0) continue;
      aggregates.push({
        id: (nextId += random.int(1, 3)),
        productId,
        date: new Date(day * DAY * 1000).toISOString().slice(0, 10),
        totalRequestsLogged: acc.total,
        successful: acc.total - acc.failed,
        failed: acc.failed,
        activeDevices: acc.devices,
        activeKeys: acc.keys,
        activeCustomers: acc.customers,
      });
      Object.assign(acc, { total: 0, failed: 0, keys: 0, devices: 0, customers: 0 });
    }
    for (const [keyId, group] of failures) {
      if (group.count < ANOMALY_MIN_FAILURES) continue;
      anomalies.set(`${keyId}:${day}`, { groupId: anomalies.size + 1, startingAt: log.idAt(group.first), endingAt: log.idAt(group.last) });
    }
    failures = new Map();
  };

  log.forEach((position, time, ownerIndex, stateIndex) => {
    const eventDay = Math.floor(time / DAY);
    if (eventDay !== day) {
      flush();
      day = eventDay;
    }
    const owner = owners[ownerIndex];
    if (!owner) throw new Error(`log event ${position} has no owner`);
    const failed = failedState[stateIndex] === 1;
    if (failed) {
      const group = failures.get(owner.keyId);
      if (group) {
        group.count += 1;
        group.last = position;
      } else failures.set(owner.keyId, { count: 1, first: position, last: position });
    }
    if (owner.excluded) return;
    const acc = perProduct[owner.product];
    if (!acc) throw new Error(`log event ${position} has no product`);
    acc.total += 1;
    if (failed) acc.failed += 1;
    if (counted.key[owner.key] !== day) {
      counted.key[owner.key] = day;
      acc.keys += 1;
    }
    if (owner.device >= 0 && counted.device[owner.device] !== day) {
      counted.device[owner.device] = day;
      acc.devices += 1;
    }
    if (owner.customer >= 0 && counted.customer[owner.customer] !== day) {
      counted.customer[owner.customer] = day;
      acc.customers += 1;
    }
  });
  flush();
  return { aggregates, anomalies, excludedKeyIds, customerOf };
}

function mix(n: number): number {
  let x = Math.imul(n ^ 0x61c88647, 0x2c1b3c6d);
  x ^= x >>> 12;
  return (x ^ (x >>> 15)) >>> 0;
}
