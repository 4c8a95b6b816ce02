// The Web API log behind the seeded summaries and devices, so that every endpoint tells one story:
//   - a key's events are exactly its summary's totalRequests: totalSuccessful of them with a success
//     code (third digit 1), totalFailed with a failure code (third digit 2);
//   - a device's events are exactly its totalRequests, all carrying its machine code, the first at its
//     firstSeenUtc and (with two or more) the last at its lastSeenUtc, the rest in between;
//   - the key's other requests carry no machine code and span the summary's firstSeenUtc..lastSeenUtc
//     the same way, so the key's first and last events are its summary's (with the rare exception of
//     a key with fewer than two such requests, whose span then comes from its devices).
// Only the rows seeded at start count: rows a test appends later are not in the log.
import { createRandom } from '../random';
import { DEVICE_FAILURE, DEVICE_SUCCESS, KEY_FAILURE, KEY_SUCCESS, STATE_BITS, STATE_CODES } from './activity-codes';
import { ActivityLog, type LogOwner } from './activity-log';
import type { CryptolensData, DeviceRow, SummaryRow } from './data';
import { MAX_SORTED_TIME, sortByTime } from './sort-by-time';

const FRIENDLY_NAMES = ["Anna's MacBook Pro", 'build-agent-07', 'Reception PC', 'LAB-WORKSTATION-3', 'Surface Laptop (Tomas)', 'kiosk-berlin-01'];

export interface SeededCounts {
  summaries: number;
  devices: number;
}

interface Segment {
  owner: number;
  count: number;
  first: number;
  last: number;
  success: Uint8Array;
  failure: Uint8Array;
}

export function seedActivityLog(data: CryptolensData, seeded: SeededCounts, seed: number): ActivityLog {
  const random = createRandom((seed * 0x2545f491) ^ 0x10c0);
  const summaries = data.summaries.slice(0, seeded.summaries);
  const devices = data.devices.slice(0, seeded.devices);
  const keys = new Map(data.keys.map((key) => [key.id, key]));
  const devicesByKey = new Map<number, { device: DeviceRow; index: number }[]>();
  devices.forEach((device, index) => {
    const list = devicesByKey.get(device.keyId) ?? [];
    list.push({ device, index });
    devicesByKey.set(device.keyId, list);
  });

  const total = summaries.reduce((sum, row) => sum + row.totalRequests, 0);
  const rows = [...summaries, ...devices];
  const baseTime = rows.reduce((min, row) => Math.min(min, row.firstSeenUtc), Number.POSITIVE_INFINITY);
  const lastTime = rows.reduce((max, row) => Math.max(max, row.lastSeenUtc), 0);
  const ownerBits = Math.max(1, Math.ceil(Math.log2(summaries.length + devices.length + 1)));
  const shift = 2 ** (ownerBits + STATE_BITS);
  if (lastTime - baseTime >= MAX_SORTED_TIME || (lastTime - baseTime + 1) * shift > Number.MAX_SAFE_INTEGER) {
    throw new Error('the log does not fit its packing');
  }

  const stateSlots = 2 ** STATE_BITS;
  const tables = { deviceSuccess: codeTable(DEVICE_SUCCESS), deviceFailure: codeTable(DEVICE_FAILURE), keySuccess: codeTable(KEY_SUCCESS), keyFailure: codeTable(KEY_FAILURE) };
  const owners: LogOwner[] = [];
  const packed = new Float64Array(total);
  let written = 0;

  for (const summary of summaries) {
    const key = keys.get(summary.keyId);
    if (!key) throw new Error(`summary ${summary.id} names no seeded key`);
    const own = devicesByKey.get(summary.keyId) ?? [];
    const withoutDevice = summary.totalRequests - own.reduce((sum, { device }) => sum + device.totalRequests, 0);
    if (withoutDevice < 0) throw new Error(`key ${summary.keyId} has fewer requests than its devices`);
    const segments: Segment[] = own.map(({ device, index }) => ({
      owner: owners.push(deviceOwner(summary, key.key, device, index)) - 1,
      count: device.totalRequests,
      first: device.firstSeenUtc,
      last: device.lastSeenUtc,
      success: tables.deviceSuccess,
      failure: tables.deviceFailure,
    }));
    segments.push({
      owner: owners.push(keyOwner(summary, key.key)) - 1,
      count: withoutDevice,
      first: summary.firstSeenUtc,
      last: summary.lastSeenUtc,
      success: tables.keySuccess,
      failure: tables.keyFailure,
    });
    // Failures fall on the key's requests at random, exactly totalFailed of them.
    let failuresLeft = summary.totalFailed;
    let requestsLeft = summary.totalRequests;
    for (const { owner, count, first, last, success, failure } of segments) {
      const ownerPart = owner * stateSlots;
      for (let index = 0; index < count; index++) {
        const time = index === 0 ? first : index === 1 ? last : random.int(first, last);
        const fails = random.next() * requestsLeft < failuresLeft;
        requestsLeft -= 1;
        if (fails) failuresLeft -= 1;
        const table = fails ? failure : success;
        const state = table[Math.floor(random.next() * table.length)] as number;
        packed[written++] = (time - baseTime) * shift + ownerPart + state;
      }
    }
  }
  return new ActivityLog(owners, sortByTime(packed, shift), baseTime, ownerBits);
}

function deviceOwner(summary: SummaryRow, key: string, device: DeviceRow, index: number): LogOwner {
  const hash = mix(device.id);
  const named = index % 5 >= 2;
  const friendlyName = !named ? null : device.machineCode.startsWith('DESKTOP-') ? device.machineCode : `${FRIENDLY_NAMES[hash % FRIENDLY_NAMES.length]}`;
  return {
    keyId: summary.keyId,
    productId: summary.productId,
    key,
    deviceId: device.id,
    machineCode: device.machineCode,
    friendlyName,
    ip: anonymizedIp(hash),
  };
}

function keyOwner(summary: SummaryRow, key: string): LogOwner {
  return { keyId: summary.keyId, productId: summary.productId, key, deviceId: undefined, machineCode: null, friendlyName: null, ip: anonymizedIp(mix(summary.keyId + 17)) };
}

/** The vendor anonymizes IPs: the last octet is zeroed. */
function anonymizedIp(hash: number): string {
  return `${10 + (hash % 200)}.${(hash >>> 8) % 256}.${(hash >>> 16) % 256}.0`;
}

/** A weighted choice of codes as a lookup table of indexes into STATE_CODES: one draw per event. */
function codeTable(weights: readonly (readonly [number, number])[]): Uint8Array {
  const sum = weights.reduce((total, [, weight]) => total + weight, 0);
  const table = new Uint8Array(1024);
  let slot = 0;
  let cumulative = 0;
  for (const [code, weight] of weights) {
    const index = (STATE_CODES as readonly number[]).indexOf(code);
    if (index < 0) throw new Error(`code ${code} is missing from STATE_CODES`);
    cumulative += weight;
    for (const end = Math.round((cumulative / sum) * table.length); slot < end; slot++) table[slot] = index;
  }
  return table;
}

function mix(n: number): number {
  let x = Math.imul(n ^ 0x27d4eb2f, 0x165667b1);
  x ^= x >>> 15;
  return (x ^ (x >>> 12)) >>> 0;
}
