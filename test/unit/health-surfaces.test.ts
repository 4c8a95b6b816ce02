// Key health as hovers and lookups show it (issue 13), against the emulator's keys seeded in every
// state: the status word each was seeded for, with its reason, at the request cost the brief allows.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { hoverMarkdown } from '../../src/hover/content';
import { resolveLookup } from '../../src/lookup/resolve';
import { KeyIndex } from '../../src/usage/key-index';
import { candidate, startUsageHarness, TEST_NOW, type UsageHarness } from './lookup-harness';

describe('key health on hovers and lookups', () => {
  let harness: UsageHarness;
  let index: KeyIndex;

  before(async () => {
    harness = await startUsageHarness();
  });
  after(() => harness.close());
  beforeEach(() => {
    harness.usage = harness.freshUsage();
    index = new KeyIndex(harness.usage, () => harness.config, () => TEST_NOW);
    harness.emulator.requests.clear();
    harness.tokens.cryptolens = harness.emulator.cryptolens.token;
  });

  it('Unkey: every seeded state shows its word and a reason, on the hover and in the lookup', async () => {
    const { byStatus, apiId } = harness.emulator.unkey.health;
    const words = Object.keys(byStatus);
    assert.ok(words.length >= 5, words.join());
    for (const [word, ids] of Object.entries(byStatus)) {
      for (const keyId of ids ?? []) {
        const lookup = await resolveLookup(harness.usage, harness.config, { vendor: 'unkey', kind: 'key-id', keyId }, TEST_NOW);
        assert.ok('found' in lookup, keyId);
        const facts = lookup.found.find((found) => found.reference.scopeId === apiId);
        assert.equal(facts?.health?.status, word, `${keyId}: ${facts?.health?.reason}`);
        assert.ok((facts?.health?.reason ?? '').length > 0);
        const hovered = await index.resolve(candidate('unkey-key', keyId));
        // A key without verifications in 30 days shows no hover (as before).
        if (hovered.length === 0) continue;
        assert.equal(hovered[0]?.health?.status, word, keyId);
        assert.match(hoverMarkdown(hovered), new RegExp(`^\\*\\*Unkey\\*\\* key \\*\\*[^*]+\\*\\* — \\*\\*${word}\\*\\*: `));
      }
    }
  });

  it('Unkey: reasons are plain, e.g. credits and rate-limit shares', async () => {
    const { byStatus } = harness.emulator.unkey.health;
    const low = byStatus['Low credits']?.[0];
    const limited = byStatus['Rate limited']?.[0];
    assert.ok(low && limited);
    const [lowFacts] = await index.resolve(candidate('unkey-key', low));
    const [limitedFacts] = await index.resolve(candidate('unkey-key', limited));
    assert.match(lowFacts?.health?.reason ?? '', /credits? left/);
    assert.match(limitedFacts?.health?.reason ?? '', /^\d+% rate limited in the last 24 h/);
  });

  it('Unkey: one id hovered 100 times costs at most 2 health requests, once', async () => {
    const { byStatus } = harness.emulator.unkey.health;
    const keyId = byStatus['Disabled']?.[0];
    assert.ok(keyId);
    await index.resolve(candidate('unkey-key', keyId));
    const first = harness.requests('unkey');
    for (let i = 0; i < 100; i++) await index.resolve(candidate('unkey-key', keyId));
    assert.equal(harness.requests('unkey'), first, 'cached after the first hover');
    // Each configured API's 30-day totals (the hover without health), then the last-24-hour query and one keys.getKey.
    const apis = harness.config.unkeyApiIds.length;
    assert.ok(first - apis <= 2, `first hover: ${first} requests for ${apis} APIs`);
    assert.ok(harness.requests('unkey', 'getKey') <= 1);
  });

  it('Runtype: every seeded state shows its word, from the key list alone', async () => {
    const byStatus = harness.emulator.runtype.healthKeysByStatus;
    for (const [word, ids] of Object.entries(byStatus)) {
      for (const keyId of ids ?? []) {
        const [facts] = await index.resolve(candidate('runtype-id', keyId));
        assert.equal(facts?.health?.status, word, keyId);
        const lookup = await resolveLookup(harness.usage, harness.config, { vendor: 'runtype', kind: 'key-id', keyId }, TEST_NOW);
        assert.ok('found' in lookup);
        assert.equal(lookup.found[0]?.health?.status, word);
      }
    }
    assert.equal(harness.requests('runtype'), 1, 'one key list for every key');
  });

  it('Cryptolens: every seeded state shows its word (key/GetKey), and Deleted from the summary', async () => {
    const byStatus = harness.emulator.cryptolens.healthKeysByStatus;
    for (const [word, keys] of Object.entries(byStatus)) {
      for (const key of keys ?? []) {
        if (key.key === '') {
          const lookup = await resolveLookup(harness.usage, harness.config, { vendor: 'cryptolens', kind: 'key-id', keyId: key.keyId }, TEST_NOW);
          assert.ok('found' in lookup);
          assert.equal(lookup.found[0]?.health?.status, word);
          continue;
        }
        const [facts] = await index.resolve(candidate('cryptolens-key', key.key));
        assert.equal(facts?.health?.status, word, `${key.key}: ${facts?.health?.reason}`);
        const lookup = await resolveLookup(harness.usage, harness.config, { vendor: 'cryptolens', kind: 'key', key: key.key, productId: key.productId }, TEST_NOW);
        assert.ok('found' in lookup);
        assert.equal(lookup.found[0]?.health?.status, word);
      }
    }
  });

  it('Cryptolens: a token without GetKey shows usage with no status, asks GetKey once, and says so once', async () => {
    harness.tokens.cryptolens = harness.emulator.cryptolens.tokenWithoutKeyPermissions;
    const told: string[] = [];
    harness.usage.onMissingPermission((vendor, permission) => told.push(`${vendor}:${permission}`));
    const keys = Object.values(harness.emulator.cryptolens.healthKeysByStatus)
      .flat()
      .filter((key) => key !== undefined && key.key !== '');
    for (const key of keys) {
      const [facts] = await index.resolve(candidate('cryptolens-key', key!.key));
      assert.ok(facts?.totals, 'usage as before');
      assert.equal(facts?.health, undefined);
    }
    assert.deepEqual(told, ['cryptolens:GetKey']);
    const getKeys = harness.emulator.requests.all().filter((entry) => entry.vendor === 'cryptolens' && /\/key\/GetKey$/i.test(entry.path.split('?')[0] ?? ''));
    assert.equal(getKeys.length, 1, harness.emulator.requests.all().map((entry) => entry.path).join());
  });
});
