// The emulator's key-health API (one key per state) read as a surface would: one listKeys page and
// one verification query grouped by key for the last 24 hours, through both API versions and the
// real clients; every seeded key gets the word it was seeded for. Then one key alone, by getKey.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import { UNKEY_STATUSES } from '../../src/health/status';
import { unkeyHealth } from '../../src/health/unkey-health';
import type { OutcomeCounts } from '../../src/vendors/model';
import { createUnkeyClient } from '../../src/vendors/unkey/factory';
import type { UnkeyApiVersion, UnkeyClient } from '../../src/vendors/unkey/types';
import { startEmulator, type Emulator } from '../emulator/server';
import { SMALL_SCALE } from '../emulator/scale';
import { UNKEY_HEALTH_CASES } from '../emulator/unkey/health-keys';
import { DAY, HOUR } from './unkey-harness';
import { testHttp } from './test-http';

// Half past: "the last 24 hours" does not start on an hour, as a person's clock would not.
const NOW = Date.UTC(2025, 5, 15, 12, 30, 0);
const options = { now: NOW, expiresSoonDays: 7 };

describe('Unkey key health over the emulator (both versions)', () => {
  let emulator: Emulator;
  let http: HttpClient;
  const client = (version: UnkeyApiVersion): UnkeyClient =>
    createUnkeyClient({ version, baseUrl: version === 'v1' ? emulator.config.unkey.v1BaseUrl : emulator.config.unkey.v2BaseUrl, token: emulator.unkey.token, http });

  before(async () => {
    emulator = await startEmulator({ scale: SMALL_SCALE, now: NOW });
    http = testHttp();
  });
  after(async () => {
    await http.close();
    await emulator.close();
  });

  it('seeds a key for every Unkey status word, listed by word and by case, in the config line too', () => {
    const { health } = emulator.unkey;
    assert.deepEqual(Object.keys(health.byStatus).sort(), [...UNKEY_STATUSES].sort());
    assert.equal(Object.keys(health.cases).length, UNKEY_HEALTH_CASES.length);
    assert.ok(emulator.unkey.apiIds.includes(health.apiId), 'the health API is one of the configured APIs');
    assert.deepEqual(emulator.config.unkey.health, { apiId: health.apiId, keys: health.byStatus });
  });

  for (const version of ['v1', 'v2'] as const) {
    it(`${version}: one key list page and one 24-hour query give every seeded key its word`, async () => {
      const { health } = emulator.unkey;
      emulator.requests.clear();
      const page = await client(version).listKeys({ apiId: health.apiId });
      const slices = await client(version).getVerifications({ apiId: health.apiId, start: NOW - DAY, end: NOW, groupBy: ['key'] });
      assert.equal(emulator.requests.count({ vendor: 'unkey' }), 2, 'health for the whole API costs the listing and one query');
      const last24h = new Map<string, OutcomeCounts>(slices.flatMap((slice) => (slice.keyId ? [[slice.keyId, slice.outcomes] as const] : [])));
      assert.equal(page.items.length, UNKEY_HEALTH_CASES.length);
      for (const healthCase of UNKEY_HEALTH_CASES) {
        const keyId = health.cases[healthCase.name];
        const key = page.items.find((item) => item.keyId === keyId);
        assert.ok(key, healthCase.name);
        const counts = last24h.get(keyId) ?? quiet();
        const result = unkeyHealth({ key, last24h: counts }, options);
        assert.equal(result.status, healthCase.status, `${healthCase.name}: ${result.reason}`);
      }
    });

    it(`${version}: the reasons say what a person needs to know`, async () => {
      const { health } = emulator.unkey;
      const page = await client(version).listKeys({ apiId: health.apiId });
      const slices = await client(version).getVerifications({ apiId: health.apiId, start: NOW - DAY, end: NOW, groupBy: ['key'] });
      const reason = (name: keyof typeof health.cases): string => {
        const keyId = health.cases[name];
        const key = page.items.find((item) => item.keyId === keyId);
        assert.ok(key);
        return unkeyHealth({ key, last24h: slices.find((slice) => slice.keyId === keyId)?.outcomes ?? quiet() }, options).reason;
      };
      assert.equal(reason('expired'), 'expired 3 days ago');
      assert.equal(reason('expiresSoon'), 'expires in 3 days');
      assert.equal(reason('noCredits'), '0 credits left');
      assert.equal(reason('fewCredits'), '40 credits left of 1,000 a month');
      assert.match(reason('rateLimited'), /^30% rate limited in the last 24 h \(\d[\d,]* of [\d,]+ verifications\)$/);
      assert.match(reason('elevatedRejections'), /^14% rejected in the last 24 h .*most often rate limited$/);
      assert.match(reason('activeAtThresholds'), /^enabled; 100 credits left of 1,000 a day; expires in 30 days; [\d,]+ verifications in the last 24 h, 10% rejected$/);
      assert.equal(reason('activeQuiet'), 'enabled; no verifications in the last 24 h');
    });

    it(`${version}: one key alone (getKey and a 24-hour query for it) gets the same word`, async () => {
      const { health } = emulator.unkey;
      for (const healthCase of UNKEY_HEALTH_CASES) {
        const keyId = health.cases[healthCase.name];
        const key = await client(version).getKey(keyId);
        const [slice] = await client(version).getVerifications({ apiId: health.apiId, keyIds: [keyId], start: NOW - DAY, end: NOW });
        assert.equal(unkeyHealth({ key, last24h: slice?.outcomes ?? quiet() }, options).status, healthCase.status, healthCase.name);
      }
    });
  }

  it('the shares are the same whichever hour a 24-hour window starts on (48 hours of even traffic)', async () => {
    const { health } = emulator.unkey;
    const keyId = health.cases.rateLimited;
    for (const shift of [0, 3 * HOUR, 20 * HOUR]) {
      const [slice] = await client('v2').getVerifications({ apiId: health.apiId, keyIds: [keyId], start: NOW - DAY - shift, end: NOW - shift });
      assert.ok(slice && slice.outcomes.total > 0);
      assert.equal(slice.outcomes.rateLimited * 10, slice.outcomes.total * 3, `30% with the window ${shift / HOUR} h earlier`);
    }
  });
});

function quiet(): OutcomeCounts {
  return { valid: 0, rateLimited: 0, usageExceeded: 0, disabled: 0, expired: 0, forbidden: 0, unauthorized: 0, notFound: 0, insufficientPermissions: 0, total: 0 };
}
