import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DeviceUsage, LicenseKeySummary } from '../../src/vendors/model';
import { COUNTER_NAMES } from '../emulator/cryptolens/data';
import { startCryptolensHarness, type CryptolensHarness } from './cryptolens-harness';

describe('Cryptolens rows in the vendor-neutral model', () => {
  let h: CryptolensHarness;
  before(async () => {
    h = await startCryptolensHarness();
  });
  after(async () => h.close());

  it('every summary: milliseconds, deleted keys without a key string, counters only when sent', async () => {
    const got: LicenseKeySummary[] = [];
    for await (const page of h.client.summaryPages({ limit: 1000 })) got.push(...page.items);
    const rows = h.cryptolens.data.summaries;
    assert.equal(got.length, rows.length);
    rows.forEach((row, index) => {
      const counters: Record<string, number> = {};
      for (const name of COUNTER_NAMES) if (row[name] !== undefined) counters[name] = row[name];
      assert.deepEqual(got[index], {
        vendor: 'cryptolens',
        summaryId: row.id,
        productId: row.productId,
        licenseKeyId: row.keyId,
        keyId: String(row.keyId),
        scopeId: String(row.productId),
        key: row.key === '' ? undefined : row.key,
        totalRequests: row.totalRequests,
        successful: row.totalSuccessful,
        failed: row.totalFailed,
        firstSeen: row.firstSeenUtc * 1000,
        lastSeen: row.lastSeenUtc * 1000,
        counters,
      });
    });
    assert.ok(got.some((summary) => summary.key === undefined), 'a deleted key is among them');
    assert.ok(got.some((summary) => Object.keys(summary.counters).length > 0), 'some carry counters');
    assert.ok(got.some((summary) => Object.keys(summary.counters).length === 0), 'some carry none');
  });

  it('every device: milliseconds, deleted keys without a key string', async () => {
    const got: DeviceUsage[] = [];
    for await (const page of h.client.devicePages({ limit: 1000 })) got.push(...page.items);
    assert.deepEqual(
      got,
      h.cryptolens.data.devices.map((row) => ({
        vendor: 'cryptolens',
        deviceId: row.id,
        productId: row.productId,
        keyId: String(row.keyId),
        key: row.key === '' ? undefined : row.key,
        machineCode: row.machineCode,
        totalRequests: row.totalRequests,
        firstSeen: row.firstSeenUtc * 1000,
        lastSeen: row.lastSeenUtc * 1000,
      })),
    );
    assert.ok(got.some((device) => device.key === undefined));
  });
});
