// The usage service's activity reads against the emulator over real HTTP: daily usage per product and
// range (zero-filled, equal to the emulator's own aggregates), a key's Web API log pages newest first
// with paging back, and an Unkey key's recent verifications — each cached (a second read sends
// nothing), refused during a cooldown, and abortable.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { NeedsUnkeyV2Error } from '../../src/vendors/unkey/needs-v2-error';
import { CoolingDownError } from '../../src/usage/cooldown';
import { isCancellation } from '../../src/usage/cancelled';
import { UsageService } from '../../src/usage/usage-service';
import { customDayRange, daysOf, presetDayRange } from '../../src/vendors/cryptolens/day-range';
import { startUsageHarness, TEST_NOW, type UsageHarness } from './lookup-harness';

describe('usage service: activity reads', () => {
  let h: UsageHarness;
  let usage: UsageService;
  before(async () => {
    h = await startUsageHarness();
  });
  after(() => h.close());
  beforeEach(() => {
    usage = h.freshUsage();
    h.emulator.faults.clear();
  });

  /** The product with the most aggregate rows, and the range its rows span. */
  function busiestProduct(): number {
    const counts = new Map<number, number>();
    for (const row of h.emulator.cryptolens.activity.aggregates) counts.set(row.productId, (counts.get(row.productId) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  }

  it('daily usage: one point per day of the range, sums equal to the emulator rows, cached', async () => {
    const productId = busiestProduct();
    const rows = h.emulator.cryptolens.activity.aggregates.filter((row) => row.productId === productId);
    const last = rows[rows.length - 1];
    assert.ok(last);
    const range = customDayRange(rows[Math.max(0, rows.length - 40)]?.date ?? last.date, last.date);
    const inRange = rows.filter((row) => row.date >= range.start && row.date <= range.end);
    const before = h.requests('cryptolens', 'GetDailyAggregates');
    const points = await usage.dailyUsage(productId, range);
    assert.deepEqual(points.map((point) => point.date), daysOf(range));
    const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
    assert.equal(sum(points.map((p) => p.total)), sum(inRange.map((r) => r.totalRequestsLogged)));
    assert.equal(sum(points.map((p) => p.successful)), sum(inRange.map((r) => r.successful)));
    assert.equal(sum(points.map((p) => p.failed)), sum(inRange.map((r) => r.failed)));
    assert.equal(sum(points.map((p) => p.activeKeys)), sum(inRange.map((r) => r.activeKeys)));
    await usage.dailyUsage(productId, range);
    assert.equal(h.requests('cryptolens', 'GetDailyAggregates') - before, 1, 'the second read is served from the cache');
  });

  it('daily usage: a range without rows is all zeros', async () => {
    const points = await usage.dailyUsage(busiestProduct(), customDayRange('2001-01-01', '2001-01-07'));
    assert.equal(points.length, 7);
    assert.ok(points.every((point) => point.total === 0 && point.activeKeys === 0));
    assert.equal(presetDayRange('last30', TEST_NOW).days, 30);
  });

  it("a key's events: newest first, filtered by key and machine code, paged back with the cursor", async () => {
    const device = h.emulator.cryptolens.data.devices.find((candidate) => candidate.totalRequests > 3 && candidate.key !== '');
    assert.ok(device);
    const summary = { productId: device.productId, key: device.key };
    const first = await usage.keyEventsPage({ productId: summary.productId, key: summary.key, machineCode: device.machineCode, limit: 2 });
    assert.equal(first.items.length, 2);
    assert.ok(first.items.every((event) => event.machineCode === device.machineCode && event.key === summary.key));
    assert.ok((first.items[0]?.eventId ?? 0) > (first.items[1]?.eventId ?? 0), 'newest first');
    assert.ok(first.items.every((event) => typeof event.isAnomaly === 'boolean'), 'anomaly flags asked for');
    assert.ok(first.nextCursor);
    const older = await usage.keyEventsPage({ productId: summary.productId, key: summary.key, machineCode: device.machineCode, limit: 2, before: first.nextCursor });
    assert.ok((older.items[0]?.eventId ?? 0) < (first.items[1]?.eventId ?? 0), 'older entries');
    // Every entry of the device, paged back: exactly its totalRequests.
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await usage.keyEventsPage({ productId: summary.productId, key: summary.key, machineCode: device.machineCode, ...(cursor ? { before: cursor } : {}) });
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(count, device.totalRequests);
  });

  it("an Unkey key's recent verifications: newest first, paged, and v1 says it needs v2", async () => {
    const keys = await usage.unkeyKeysPage(h.emulator.config.unkey.apiIds[0] ?? '');
    let found = false;
    for (const key of keys.items.filter((candidate) => /^[A-Za-z0-9_]{3,255}$/.test(candidate.keyId))) {
      const page = await usage.unkeyRecentVerifications(key.keyId);
      if (page.items.length < 2) continue;
      found = true;
      const times = page.items.map((row) => row.time);
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
      break;
    }
    assert.ok(found, 'some key has verifications');
    const urls = h.config.baseUrls as Record<string, string>;
    h.config.unkeyApiVersion = 'v1';
    urls.unkey = h.emulator.config.unkey.v1BaseUrl;
    try {
      await assert.rejects(h.freshUsage().unkeyRecentVerifications('key_abc'), (error: unknown) => error instanceof NeedsUnkeyV2Error);
    } finally {
      h.config.unkeyApiVersion = 'v2';
      urls.unkey = h.emulator.config.unkey.v2BaseUrl;
    }
  });

  it('during a cooldown a new events read is refused without a request; an aborted read rejects as cancelled', async () => {
    const summary = h.emulator.cryptolens.data.summaries.find((row) => row.key);
    assert.ok(summary?.key);
    h.emulator.faults.add({ vendor: 'cryptolens', fault: { kind: 'status', status: 429, retryAfter: '60' } });
    const cooled = new UsageService(h.clients, () => TEST_NOW);
    await assert.rejects(cooled.keyEventsPage({ productId: summary.productId, key: summary.key }));
    h.emulator.faults.clear();
    const before = h.requests('cryptolens');
    await assert.rejects(cooled.keyEventsPage({ productId: summary.productId, key: summary.key, limit: 3 }), (error: unknown) => error instanceof CoolingDownError);
    assert.equal(h.requests('cryptolens'), before);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(usage.keyEventsPage({ productId: summary.productId, key: summary.key }, controller.signal), (error: unknown) => isCancellation(error));
  });
});
