// A lookup's "Last event" against the emulator: the newest log entry of a Cryptolens key and of one
// of its devices (one request each, then cached), the newest verification of an Unkey key, and none
// for a deleted key or an API.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lastEvent } from '../../src/lookup/last-event';
import { cryptolensKeyFacts, unkeyApiFacts, unkeyKeyFacts } from '../../src/usage/key-facts';
import { describeEvent } from '../../src/vendors/cryptolens/state-code';
import { startUsageHarness, type UsageHarness } from './lookup-harness';

describe('lookup: last event', () => {
  let h: UsageHarness;
  before(async () => {
    h = await startUsageHarness();
  });
  after(() => h.close());

  it("a Cryptolens key's and device's newest log entry, one request each, then cached", async () => {
    const usage = h.freshUsage();
    const device = h.emulator.cryptolens.data.devices.find((candidate) => candidate.key !== '' && candidate.totalRequests > 2);
    assert.ok(device);
    const summaries = (await usage.licenseKeyById(device.keyId)).filter((summary) => summary.productId === device.productId);
    const summary = summaries[0];
    assert.ok(summary);
    const before = h.requests('cryptolens', 'GetWebAPILog');
    const key = await lastEvent(usage, cryptolensKeyFacts(summary));
    assert.ok(key);
    assert.equal(key.event, describeEvent(key.state ?? 0).label);
    assert.equal(key.time, summary.lastSeen, "the key's newest entry is its last sight");
    await lastEvent(usage, cryptolensKeyFacts(summary));
    assert.equal(h.requests('cryptolens', 'GetWebAPILog') - before, 1);
    const onDevice = await lastEvent(usage, {
      vendor: 'cryptolens',
      reference: { vendor: 'cryptolens', scopeId: String(device.productId), keyId: String(device.keyId), key: device.key },
      kind: 'device',
      title: device.machineCode,
      details: [],
    });
    assert.equal(onDevice?.time, device.lastSeenUtc * 1000, "the device's newest entry is its last sight");
  });

  it("an Unkey key's newest verification; an API has no last event", async () => {
    const usage = h.freshUsage();
    const apiId = h.emulator.config.unkey.apiIds[0] ?? '';
    const keys = (await usage.unkeyKeysPage(apiId)).items.filter((key) => /^[A-Za-z0-9_]{3,255}$/.test(key.keyId));
    let found = false;
    for (const key of keys) {
      const recent = await usage.unkeyRecentVerifications(key.keyId);
      const newest = recent.items[0];
      if (!newest) continue;
      const last = await lastEvent(usage, unkeyKeyFacts(apiId, key.keyId, undefined, key));
      assert.deepEqual(last, { event: newest.outcomeCode, time: newest.time });
      found = true;
      break;
    }
    assert.ok(found);
    assert.equal(await lastEvent(usage, unkeyApiFacts(apiId, new Map())), undefined);
  });
});
