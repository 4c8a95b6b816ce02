// Runtype keys in every health state, read as the tree will: the key list alone (no extra request).
// The docs example account too: its two inactive keys are its two expired ones.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import { runtypeHealth } from '../../src/health/runtype-health';
import { RUNTYPE_STATUSES } from '../../src/health/status';
import { RuntypeClient } from '../../src/vendors/runtype/client';
import { DOCS_EXAMPLE_NOW } from '../emulator/runtype/docs-account';
import { RUNTYPE_HEALTH_CASES } from '../emulator/runtype/health-keys';
import { startEmulator, type Emulator } from '../emulator/server';
import { SMALL_SCALE } from '../emulator/scale';
import { testHttp } from './test-http';

const NOW = Date.UTC(2025, 8, 1, 12);

describe('Runtype key health over the emulator', () => {
  let emulator: Emulator;
  let http: HttpClient;
  before(async () => {
    emulator = await startEmulator({ scale: SMALL_SCALE, now: NOW });
    http = testHttp();
  });
  after(async () => {
    await http.close();
    await emulator.close();
  });

  it('seeds a key for every Runtype status word, in the config line too', () => {
    assert.deepEqual(Object.keys(emulator.runtype.healthKeysByStatus).sort(), [...RUNTYPE_STATUSES].sort());
    assert.deepEqual(emulator.config.runtype.health, { keys: emulator.runtype.healthKeysByStatus });
  });

  it('one key list request gives every seeded key its word and reason', async () => {
    const client = new RuntypeClient({ baseUrl: emulator.config.runtype.baseUrl, token: emulator.runtype.token, http });
    emulator.requests.clear();
    const keys = await client.listKeys();
    assert.equal(emulator.requests.count({ vendor: 'runtype' }), 1);
    const options = { now: NOW, expiresSoonDays: 7 };
    for (const healthCase of RUNTYPE_HEALTH_CASES) {
      const key = keys.find((candidate) => candidate.keyId === emulator.runtype.healthKeys[healthCase.name]);
      assert.ok(key, healthCase.name);
      const health = runtypeHealth(key, options);
      assert.equal(health.status, healthCase.status, `${healthCase.name}: ${health.reason}`);
    }
    const expiresSoon = keys.find((key) => key.keyId === emulator.runtype.healthKeys.expiresSoon);
    assert.ok(expiresSoon);
    assert.equal(runtypeHealth(expiresSoon, options).reason, 'expires in 3 days');
    assert.ok(keys.some((key) => runtypeHealth(key, options).status === 'Active'));
  });

  it("the docs example account: 'Old Key 1' and 'Old Key 2' are Expired (not merely inactive), the rest Active", async () => {
    const client = new RuntypeClient({ baseUrl: emulator.config.runtype.baseUrl, token: emulator.runtype.docsToken, http });
    const keys = await client.listKeys();
    const words = Object.fromEntries(keys.map((key) => [key.name, runtypeHealth(key, { now: DOCS_EXAMPLE_NOW, expiresSoonDays: 7 }).status]));
    assert.deepEqual(words, { 'Primary API Key': 'Active', 'Backup Key': 'Active', 'Staging Key': 'Active', 'Old Key 1': 'Expired', 'Old Key 2': 'Expired' });
  });
});
