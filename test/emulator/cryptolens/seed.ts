// Deterministic Cryptolens data from SeedOptions: products, license keys (some deleted), one lifetime
// summary per used key (some with the optional counters) and devices, all seen before `now`.
import { createRandom, type Random } from '../random';
import type { SeedOptions } from '../scale';
import { COUNTER_NAMES, type CryptolensData, type DeviceRow, type LicenseKey, type Product, type SummaryRow } from './data';
import { EXAMPLE_KEY, EXAMPLE_KEY_ID, EXAMPLE_PRODUCT_ID, exampleDevice, exampleSummary } from './examples';

const DAY = 86_400;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const HEX = '0123456789ABCDEF';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function seedCryptolens(options: SeedOptions): CryptolensData {
  const random = createRandom((options.seed * 0x9e3779b1) ^ 0xc0ffee);
  const nowSec = Math.floor(options.now / 1000);
  const products = seedProducts(Math.max(1, options.scale.products));
  const keys = seedKeys(Math.max(1, options.scale.licenseKeys), products, random);
  const summaries = seedSummaries(keys, random, nowSec);
  const devices = seedDevices(Math.max(0, options.scale.devices), summaries, random);
  settleTotals(summaries, devices, random);
  return { products, keys, summaries, devices };
}

function seedProducts(count: number): Product[] {
  return Array.from({ length: count }, (_, index) => ({ id: EXAMPLE_PRODUCT_ID + index * 7, name: `Product ${index + 1}` }));
}

function seedKeys(count: number, products: Product[], random: Random): LicenseKey[] {
  const keys: LicenseKey[] = [{ id: EXAMPLE_KEY_ID, productId: EXAMPLE_PRODUCT_ID, key: EXAMPLE_KEY, deleted: false }];
  for (let index = 1; index < count; index++) {
    const previous = keys[index - 1] as LicenseKey;
    keys.push({
      id: previous.id + random.int(1, 4),
      productId: random.pick(products).id,
      key: randomKey(random),
      // Every 25th key has been deleted since it was used: its rows keep `key: ""`.
      deleted: index % 25 === 13,
    });
  }
  return keys;
}

function seedSummaries(keys: LicenseKey[], random: Random, nowSec: number): SummaryRow[] {
  const summaries: SummaryRow[] = [exampleSummary()];
  let id = summaries[0]?.id ?? 7;
  keys.forEach((key, index) => {
    // The example key is already in; one key in ten was never used and has no summary.
    if (index === 0 || index % 10 === 7) return;
    id += random.int(1, 3);
    const firstSeenUtc = nowSec - random.int(DAY, 365 * DAY);
    const lastSeenUtc = random.int(firstSeenUtc, nowSec - 60);
    const row: SummaryRow = {
      id,
      productId: key.productId,
      keyId: key.id,
      key: key.deleted ? '' : key.key,
      totalRequests: 0,
      totalSuccessful: 0,
      totalFailed: 0,
      firstSeenUtc,
      lastSeenUtc,
    };
    if (index % 3 === 1) addCounters(row, random);
    summaries.push(row);
  });
  return summaries;
}

function addCounters(row: SummaryRow, random: Random): void {
  const names = COUNTER_NAMES.filter(() => random.chance(0.4));
  for (const name of names.length > 0 ? names : [COUNTER_NAMES[0]]) row[name] = random.int(0, 250);
}

function seedDevices(count: number, summaries: SummaryRow[], random: Random): DeviceRow[] {
  if (count === 0) return [];
  const example = exampleDevice();
  const candidates = summaries.slice(1);
  const others: DeviceRow[] = [];
  for (let index = 1; index < count && candidates.length > 0; index++) {
    const summary = random.pick(candidates);
    const firstSeenUtc = random.int(summary.firstSeenUtc, summary.lastSeenUtc);
    others.push({
      id: 0,
      productId: summary.productId,
      keyId: summary.keyId,
      key: summary.key,
      machineCode: randomMachineCode(random, index),
      firstSeenUtc,
      lastSeenUtc: random.int(firstSeenUtc, summary.lastSeenUtc),
      totalRequests: random.int(1, 400),
    });
  }
  // Ids grow with first sight, as an append-only table's would.
  others.sort((a, b) => a.firstSeenUtc - b.firstSeenUtc);
  let id = example.id;
  for (const device of others) device.id = id += random.int(1, 2);
  return [example, ...others];
}

/** A key's lifetime total covers its devices' requests plus requests sent without a machine code. */
function settleTotals(summaries: SummaryRow[], devices: DeviceRow[], random: Random): void {
  const perKey = new Map<number, number>();
  for (const device of devices.slice(1)) perKey.set(device.keyId, (perKey.get(device.keyId) ?? 0) + device.totalRequests);
  for (const summary of summaries.slice(1)) {
    const total = (perKey.get(summary.keyId) ?? 0) + random.int(0, 1500);
    const failed = Math.floor(total * random.next() * 0.15);
    summary.totalRequests = total;
    summary.totalFailed = failed;
    summary.totalSuccessful = total - failed;
  }
}

export function randomKey(random: Random): string {
  return Array.from({ length: 4 }, () => randomText(random, LETTERS, 5)).join('-');
}

/** Mostly SHA-256 hex, as the SDKs compute them; some host names, GUIDs and a few of the full 256. */
export function randomMachineCode(random: Random, index: number): string {
  if (index % 50 === 25) return randomText(random, HEX, 256);
  switch (index % 10) {
    case 3:
      return `DESKTOP-${randomText(random, ALNUM, 7)}`;
    case 6:
      return [8, 4, 4, 4, 12].map((length) => randomText(random, HEX, length)).join('-');
    default:
      return randomText(random, HEX, 64);
  }
}

function randomText(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let index = 0; index < length; index++) out += alphabet[random.int(0, alphabet.length - 1)];
  return out;
}
