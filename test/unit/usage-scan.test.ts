// Account-wide reads stop at keyscope.cryptolens.maxScanKeys and say so wherever they are used: a
// hover that found nothing in a cut-short scan says the key was not among the first N (not "unknown"),
// a lookup counts "N+" devices, a product panel marks its rows as the first N. Hovers share the
// tree's scan and start no other. Real clients against the emulator, topped up past the limit.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { resolveLookup } from '../../src/lookup/resolve';
import { answerRequest, type PanelContext } from '../../src/panel/handler';
import { KeyIndex } from '../../src/usage/key-index';
import { clampScanLimit, collectScan, DEFAULT_MAX_SCAN_KEYS, MAX_MAX_SCAN_KEYS, MIN_MAX_SCAN_KEYS } from '../../src/usage/scan';
import type { UsageService } from '../../src/usage/usage-service';
import type { Page } from '../../src/vendors/model';
import { startUsageHarness, TEST_NOW, type UsageHarness } from './lookup-harness';

const LIMIT = MIN_MAX_SCAN_KEYS;
const SUMMARIES = 2_500;

async function* pagesOf(sizes: readonly number[], asked: { count: number }): AsyncGenerator<Page<number>> {
  let next = 0;
  for (const [index, size] of sizes.entries()) {
    asked.count += 1;
    const items = Array.from({ length: size }, () => next++);
    yield index < sizes.length - 1 ? { items, nextCursor: String(next) } : { items };
  }
}

describe('scans: collecting pages up to a limit', () => {
  it('stops at the limit, marks the scan cut short, and asks for no page after', async () => {
    const asked = { count: 0 };
    const scan = await collectScan(pagesOf([1000, 1000, 1000, 500], asked), 2_000);
    assert.deepEqual({ rows: scan.items.length, truncated: scan.truncated, limit: scan.limit, asked: asked.count }, { rows: 2_000, truncated: true, limit: 2_000, asked: 2 });
  });

  it('cuts a page that crosses the limit', async () => {
    const asked = { count: 0 };
    const scan = await collectScan(pagesOf([1000, 1000], asked), 1_500);
    assert.deepEqual({ rows: scan.items.length, truncated: scan.truncated, last: scan.items.at(-1) }, { rows: 1_500, truncated: true, last: 1_499 });
  });

  it('is complete when the vendor ran out first, even exactly at the limit', async () => {
    assert.equal((await collectScan(pagesOf([1000, 400], { count: 0 }), 2_000)).truncated, false);
    assert.equal((await collectScan(pagesOf([1000, 1000], { count: 0 }), 2_000)).truncated, false);
  });

  it('keeps the setting within its declared bounds', () => {
    assert.equal(clampScanLimit(undefined), DEFAULT_MAX_SCAN_KEYS);
    assert.equal(clampScanLimit('many'), DEFAULT_MAX_SCAN_KEYS);
    assert.equal(clampScanLimit(5), MIN_MAX_SCAN_KEYS);
    assert.equal(clampScanLimit(10_000_000), MAX_MAX_SCAN_KEYS);
    assert.equal(clampScanLimit(12_345.6), 12_345);
  });
});

describe('scans: a limit that cuts the account short, through every surface', () => {
  let harness: UsageHarness;
  let usage: UsageService;

  before(async () => {
    harness = await startUsageHarness();
    for (let count = harness.emulator.cryptolens.data.summaries.length; count < SUMMARIES; count++) harness.emulator.cryptolens.appendSummary();
    for (let count = 0; count < LIMIT + 10; count++) harness.emulator.cryptolens.appendDevice();
    harness.config.cryptolensMaxScanKeys = LIMIT;
  });
  after(async () => {
    harness.config.cryptolensMaxScanKeys = DEFAULT_MAX_SCAN_KEYS;
    await harness.close();
  });
  beforeEach(() => {
    usage = harness.freshUsage();
    harness.emulator.requests.clear();
  });

  const summaries = (): typeof harness.emulator.cryptolens.data.summaries => harness.emulator.cryptolens.data.summaries;

  it('reads the first maxScanKeys summaries in one request a thousand, and marks the rest unread', async () => {
    const scan = await usage.allLicenseKeys();
    assert.equal(scan.items.length, LIMIT);
    assert.equal(scan.truncated, true);
    assert.deepEqual(scan.items.map((row) => row.summaryId), summaries().slice(0, LIMIT).map((row) => row.id));
    assert.equal(harness.requests('cryptolens', 'GetKeyUsageSummaries'), Math.ceil(LIMIT / 1000));
  });

  it('a cold hover costs the scan the tree shares, one device page and one key/GetKey (its status); the tree then costs nothing', async () => {
    const index = new KeyIndex(usage, () => harness.config, () => TEST_NOW);
    const inside = summaries().slice(0, LIMIT).find((row) => row.key !== '');
    assert.ok(inside);
    const [facts] = await index.resolve({ kind: 'cryptolens-key', text: inside.key, start: 0, end: inside.key.length });
    assert.equal(facts?.reference.keyId, String(inside.keyId));
    assert.deepEqual(harness.emulator.requests.summary().byPath, {
      'cryptolens /api/ai/GetKeyUsageSummaries': 1,
      'cryptolens /api/ai/GetKeyDevices': 1,
      'cryptolens /api/key/GetKey': 1,
    });
    // The Keys view's product list reads the same scan.
    await usage.allLicenseKeys();
    await usage.productsWithCounts();
    assert.equal(harness.requests('cryptolens'), 3);
  });

  it('a hover on a key past the limit says it was not among the first N keys, instead of showing nothing', async () => {
    const index = new KeyIndex(usage, () => harness.config, () => TEST_NOW);
    const beyond = summaries()[SUMMARIES - 1];
    assert.ok(beyond?.key);
    const [facts, ...more] = await index.resolve({ kind: 'cryptolens-key', text: beyond.key, start: 0, end: beyond.key.length });
    assert.equal(more.length, 0);
    assert.equal(facts?.title, beyond.key);
    assert.match(facts?.note ?? '', /^Not among the first 1,000 keys Keyscope read/);
    assert.equal(facts?.totals, undefined, 'no totals are made up');
    assert.equal(harness.requests('cryptolens', 'GetKeyDevices'), 0);
  });

  it('a lookup asks the vendor directly, so it finds a key past the limit, and counts devices as "N+"', async () => {
    const beyond = summaries()[SUMMARIES - 1];
    assert.ok(beyond);
    const found = await resolveLookup(usage, harness.config, { vendor: 'cryptolens', kind: 'key-id', keyId: beyond.keyId }, TEST_NOW);
    assert.ok('found' in found);
    assert.equal(found.found[0]?.reference.keyId, String(beyond.keyId));
    const busiest = harness.emulator.cryptolens.data.devices.at(-1);
    assert.ok(busiest);
    const busy = await resolveLookup(usage, harness.config, { vendor: 'cryptolens', kind: 'key-id', keyId: busiest.keyId }, TEST_NOW);
    assert.ok('found' in busy);
    assert.deepEqual(busy.found[0]?.devices, { count: LIMIT, more: true });
  });

  it('a product panel marks its rows as the first N', async () => {
    const context: PanelContext = {
      scope: { vendor: 'cryptolens', productId: summaries()[0]?.productId ?? 0 },
      title: 'test',
      usage,
      unkeyVersion: () => 'v2',
      save: async () => false,
      open: async () => undefined,
      shown: () => undefined,
      signal: new AbortController().signal,
    };
    const result = (await answerRequest(context, { kind: 'request', id: 1, method: 'cryptolens.product', params: {} })) as { scanLimit?: number; keys: unknown[] };
    assert.equal(result.scanLimit, LIMIT);
    assert.ok(result.keys.length <= LIMIT);
  });
});
