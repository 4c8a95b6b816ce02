// The panel's activity answers against the emulator over real HTTP: requests per day equal the
// emulator's own aggregates over the range (zeros on days without a row), a key's events are its
// log entries newest first with decoded state codes and paging back, an Unkey key's verifications
// come newest first; scope mismatches, bad ranges and missing permissions are refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { answerRequest, type PanelContext } from '../../src/panel/handler';
import { dailyRangeOf } from '../../src/panel/activity-data';
import { parseResult, type HostMethod, type Params, type Result } from '../../src/panel/protocol';
import type { PanelScope } from '../../src/panel/protocol-data';
import { describeEvent } from '../../src/vendors/cryptolens/state-code';
import { describeError } from '../../src/usage/describe-error';
import { isPermissionMessage } from '../../webview/shape/activity-tables';
import { startUsageHarness, TEST_NOW, type UsageHarness } from './lookup-harness';

describe('panel host: activity answers from the emulator', () => {
  let h: UsageHarness;
  before(async () => {
    h = await startUsageHarness();
  });
  after(() => h.close());

  async function ask<M extends HostMethod>(scope: PanelScope, method: M, params: Params<M>): Promise<Result<M>> {
    const context: PanelContext = {
      scope,
      title: 'test',
      usage: h.freshUsage(),
      unkeyVersion: () => 'v2',
      save: () => Promise.resolve(true),
      open: () => Promise.resolve(),
      shown: () => undefined,
      signal: new AbortController().signal,
      now: () => TEST_NOW,
    };
    const raw = await answerRequest(context, { kind: 'request', id: 1, method, params } as never);
    const parsed = parseResult(method, raw);
    assert.ok(parsed.success, `${method} answers what its schema allows`);
    return parsed.data;
  }

  it('requests per day: every day of the range, sums equal to the emulator aggregates', async () => {
    const rows = h.emulator.cryptolens.activity.aggregates;
    const productId = rows[rows.length - 1]?.productId ?? 0;
    const result = await ask({ vendor: 'cryptolens', productId }, 'cryptolens.daily', { preset: 'last90' });
    assert.equal(result.points.length, 90);
    assert.equal(result.range.end, new Date(TEST_NOW).toISOString().slice(0, 10));
    const inRange = rows.filter((row) => row.productId === productId && row.date >= result.range.start && row.date <= result.range.end);
    const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
    assert.ok(inRange.length > 0, 'the seed has rows in the last 90 days');
    assert.equal(sum(result.points.map((p) => p.total)), sum(inRange.map((r) => r.totalRequestsLogged)));
    assert.equal(sum(result.points.map((p) => p.failed)), sum(inRange.map((r) => r.failed)));
    assert.equal(sum(result.points.map((p) => p.activeCustomers)), sum(inRange.map((r) => r.activeCustomers)));
    const dates = new Set(inRange.map((row) => row.date));
    assert.ok(result.points.filter((p) => !dates.has(p.date)).every((p) => p.total === 0 && p.activeDevices === 0), 'days without a row are zeros');
  });

  it('requests per day: a custom range, and a bad one refused with its reason', async () => {
    const productId = h.emulator.cryptolens.activity.aggregates[0]?.productId ?? 0;
    const result = await ask({ vendor: 'cryptolens', productId }, 'cryptolens.daily', { preset: 'custom', start: '2025-08-01', end: '2025-08-07' });
    assert.deepEqual(result.range, { start: '2025-08-01', end: '2025-08-07', days: 7 });
    assert.throws(() => dailyRangeOf({ preset: 'custom', start: '2025-08-07', end: '2025-08-01' }, TEST_NOW), /after end/);
    await assert.rejects(ask({ vendor: 'cryptolens', productId, keyId: 1 }, 'cryptolens.daily', { preset: 'last7' }), /not available in this panel/);
  });

  it("a key's events: the device's log entries newest first, state decoded, paged back to its totalRequests", async () => {
    const device = h.emulator.cryptolens.data.devices.find((candidate) => candidate.totalRequests > 120 && candidate.key !== '');
    assert.ok(device, 'a device with more than one page of events');
    const scope: PanelScope = { vendor: 'cryptolens', productId: device.productId, keyId: device.keyId };
    const first = await ask(scope, 'cryptolens.events', { machineCode: device.machineCode });
    assert.equal(first.available, true);
    assert.equal(first.events.length, 100);
    for (const event of first.events) {
      assert.equal(event.machineCode, device.machineCode);
      assert.equal(event.event, describeEvent(event.state).label);
    }
    const times = first.events.map((event) => event.time);
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    assert.equal(first.events[0]?.time, device.lastSeenUtc * 1000, 'the newest entry is the device’s last sight');
    let total = first.events.length;
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await ask(scope, 'cryptolens.events', { machineCode: device.machineCode, before: cursor });
      total += page.events.length;
      cursor = page.nextCursor;
    }
    assert.equal(total, device.totalRequests);
  });

  it("a device's panel (opened from a tree device node): that machine code's events only, another device's refused", async () => {
    const device = h.emulator.cryptolens.data.devices.find((candidate) => candidate.totalRequests > 5 && candidate.key !== '');
    const other = h.emulator.cryptolens.data.devices.find((candidate) => candidate !== device && candidate.keyId === device?.keyId);
    assert.ok(device);
    const scope: PanelScope = { vendor: 'cryptolens', productId: device.productId, keyId: device.keyId, machineCode: device.machineCode };
    const page = await ask(scope, 'cryptolens.events', { machineCode: device.machineCode });
    assert.ok(page.events.length > 0);
    assert.ok(page.events.every((event) => event.machineCode === device.machineCode));
    await assert.rejects(ask(scope, 'cryptolens.events', {}), /not available in this panel/);
    if (other) await assert.rejects(ask(scope, 'cryptolens.events', { machineCode: other.machineCode }), /not available in this panel/);
  });

  it('a token without the permission: the message the webview shows as a refusal, not a failure', async () => {
    const device = h.emulator.cryptolens.data.devices.find((candidate) => candidate.key !== '');
    assert.ok(device);
    const saved = h.tokens.cryptolens;
    h.tokens.cryptolens = h.emulator.cryptolens.mintToken({ usageAnalytics: true });
    try {
      const refused = await ask({ vendor: 'cryptolens', productId: device.productId, keyId: device.keyId }, 'cryptolens.events', {}).then(
        () => assert.fail('answered without the GetWebAPILog permission'),
        (error: unknown) => describeError(error),
      );
      assert.ok(isPermissionMessage(refused), refused);
      h.tokens.cryptolens = h.emulator.cryptolens.tokenWithoutPermission;
      const daily = await ask({ vendor: 'cryptolens', productId: device.productId }, 'cryptolens.daily', { preset: 'last7' }).then(
        () => assert.fail('answered without Usage Analytics'),
        (error: unknown) => describeError(error),
      );
      assert.ok(isPermissionMessage(daily), daily);
      assert.ok(!isPermissionMessage('Cryptolens: the request timed out'));
    } finally {
      h.tokens.cryptolens = saved;
    }
  });

  it("an Unkey key's recent verifications, newest first; a product scope cannot ask", async () => {
    const apiId = h.emulator.config.unkey.apiIds[0] ?? '';
    const keys = await h.usage.unkeyKeysPage(apiId);
    const keyId = keys.items.map((key) => key.keyId).find((id) => /^[A-Za-z0-9_]{3,}$/.test(id)) ?? '';
    const result = await ask({ vendor: 'unkey', apiId, keyId }, 'unkey.recent', {});
    const times = result.rows.map((row) => row.time);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    await assert.rejects(ask({ vendor: 'unkey', apiId }, 'unkey.recent', {}), /not available in this panel/);
  });
});
