// The panel's Status column (issue 13), host side: each per-key grid's rows carry the status word the
// emulator seeded the key for, from the same rules and reads as the Keys view, and the protocol
// accepts only the vendor's own words.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cryptolensNoStatus } from '../../src/panel/key-status';
import { cryptolensProduct } from '../../src/panel/cryptolens-data';
import { parseResult } from '../../src/panel/protocol';
import { runtypeSummary } from '../../src/panel/runtype-data';
import { unkeyBreakdown } from '../../src/panel/unkey-data';
import { startUsageHarness, TEST_NOW, type UsageHarness } from './lookup-harness';

const HOUR = 3_600_000;
const health = () => ({ now: TEST_NOW, expiresSoonDays: 7 });

describe('panel host: the Status column', () => {
  let harness: UsageHarness;

  before(async () => {
    harness = await startUsageHarness();
  });
  after(async () => {
    await harness.close();
  });

  it("Cryptolens: a product's rows carry the word each key was seeded for, from product/GetKeys", async () => {
    const byStatus = harness.emulator.cryptolens.healthKeysByStatus;
    let checked = 0;
    for (const [word, keys] of Object.entries(byStatus)) {
      // A key list cannot tell a blocked key (Cryptolens' Block field is always false): GetKey can, on hovers and lookups.
      if (word === 'Blocked') continue;
      for (const key of keys ?? []) {
        const result = await cryptolensProduct(harness.usage, key.productId, undefined, health);
        assert.ok(parseResult('cryptolens.product', result).success, 'the answer fits the protocol');
        const row = result.keys.find((candidate) => candidate.licenseKeyId === key.keyId);
        assert.ok(row, `key ${key.keyId} in product ${key.productId}`);
        // A key list cannot tell a product's unenforced expiry: that key reads Expired there (its reason says so).
        const expected = word === 'Active' && row.statusReason?.includes('expiry date passed') ? 'Expired' : word;
        assert.equal(row.status, expected, `${key.key || key.keyId}: ${row.statusReason ?? ''}`);
        assert.ok(row.statusReason, 'a reason for the tooltip');
        checked++;
      }
    }
    assert.ok(checked >= 4, `${checked} keys checked`);
  });

  it('Cryptolens: a token without GetKeys gets usage, Deleted where the summary says so, and a note instead of other words', async () => {
    const usage = harness.freshUsage();
    const token = harness.tokens.cryptolens;
    harness.tokens.cryptolens = harness.emulator.cryptolens.tokenWithoutKeyPermissions;
    try {
      const deleted = harness.emulator.cryptolens.healthKeysByStatus.Deleted?.[0];
      assert.ok(deleted);
      const result = await cryptolensProduct(usage, deleted.productId, undefined, health);
      assert.equal(result.statusNote, cryptolensNoStatus());
      assert.ok(result.keys.length > 0);
      for (const row of result.keys) assert.equal(row.status, row.key === undefined ? 'Deleted' : undefined, String(row.licenseKeyId));
    } finally {
      harness.tokens.cryptolens = token;
    }
  });

  it('Unkey: grouped by key, each key carries its word; other groupings carry none', async () => {
    const { apiId, byStatus } = harness.emulator.unkey.health;
    const end = Math.floor(TEST_NOW / HOUR) * HOUR;
    const range = { start: end - 24 * HOUR, end, granularity: 'hour' as const };
    const result = await unkeyBreakdown(harness.usage, { apiId }, { range, by: 'key', limit: 100 }, undefined, health);
    assert.ok(parseResult('unkey.breakdown', result).success);
    const byKey = new Map(result.rows.map((row) => [row.id, row]));
    let checked = 0;
    for (const [word, ids] of Object.entries(byStatus)) {
      for (const keyId of ids ?? []) {
        const row = byKey.get(keyId);
        if (!row) continue; // no verifications in the range (a quiet key)
        assert.equal(row.status, word, `${keyId}: ${row.statusReason ?? ''}`);
        checked++;
      }
    }
    assert.ok(checked >= 6, `${checked} keys checked`);
    const tags = await unkeyBreakdown(harness.usage, { apiId }, { range, by: 'tag', limit: 10 }, undefined, health);
    assert.ok(tags.rows.every((row) => row.status === undefined));
  });

  it('Runtype: each key carries its word from the key list, one request for the list', async () => {
    const usage = harness.freshUsage();
    const before = harness.requests('runtype');
    const result = await runtypeSummary(usage, undefined, health);
    assert.ok(parseResult('runtype.summary', result).success);
    const byId = new Map(result.keys.map((key) => [key.id, key]));
    for (const [word, ids] of Object.entries(harness.emulator.runtype.healthKeysByStatus)) {
      for (const keyId of ids ?? []) assert.equal(byId.get(keyId)?.status, word, keyId);
    }
    // The analytics and the key list.
    assert.equal(harness.requests('runtype') - before, 2);
  });

  it("the protocol refuses a word that is not the vendor's", () => {
    const row = { id: 'k', active: true, status: 'Seats full' };
    assert.equal(parseResult('runtype.summary', { totalKeys: 1, activeKeys: 1, expiredKeys: 0, asOf: 0, keys: [row] }).success, false);
    assert.equal(parseResult('runtype.summary', { totalKeys: 1, activeKeys: 1, expiredKeys: 0, asOf: 0, keys: [{ ...row, status: 'Expires soon' }] }).success, true);
  });
});
