// "Look Up Key Usage…": which vendor a pasted value belongs to, and what each vendor accepts as it is typed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromReference } from '../../src/lookup/targets';
import { describeTarget, parseFor, recognize, targetValue } from '../../src/lookup/recognize';
import { EXAMPLE_KEY } from '../emulator/cryptolens/examples';
import { seedCryptolens } from '../emulator/cryptolens/seed';
import { DOCS_KEYS } from '../emulator/runtype/docs-account';
import { SMALL_SCALE } from '../emulator/scale';

const SEED = { scale: SMALL_SCALE, seed: 1, now: Date.UTC(2025, 8, 1, 12) };

describe('lookup: recognizing a pasted value', () => {
  it('recognizes each vendor from what is pasted, surrounding blanks ignored', () => {
    assert.deepEqual(recognize(`  ${EXAMPLE_KEY}\n`), { vendor: 'cryptolens', kind: 'key', key: EXAMPLE_KEY });
    assert.deepEqual(recognize('#123456'), { vendor: 'cryptolens', kind: 'key-id', keyId: 123456 });
    assert.deepEqual(recognize('a'.repeat(64)), { vendor: 'cryptolens', kind: 'machine-code', machineCode: 'a'.repeat(64) });
    assert.deepEqual(recognize('key_2zeYsLbpULnEUsvYeFGMeJzACp4j'), { vendor: 'unkey', kind: 'key-id', keyId: 'key_2zeYsLbpULnEUsvYeFGMeJzACp4j' });
    assert.deepEqual(recognize('api_123'), { vendor: 'unkey', kind: 'api', apiId: 'api_123' });
    assert.deepEqual(recognize('A1B2C3D4-E5F6-7890-AB12-CD34EF567890'), { vendor: 'runtype', kind: 'key-id', keyId: 'a1b2c3d4-e5f6-7890-ab12-cd34ef567890' });
    assert.deepEqual(recognize('rt_live_ab12'), { vendor: 'runtype', kind: 'prefix', prefix: 'rt_live_ab12' });
    for (const key of DOCS_KEYS) assert.equal(recognize(key.keyPrefix)?.vendor, 'runtype');
    for (const key of seedCryptolens(SEED).keys.slice(0, 50)) assert.equal(recognize(key.key)?.kind, 'key', key.key);
  });

  it('leaves what could be anything (a host name, a phrase, an id out of range) to a vendor pick', () => {
    for (const value of ['', '   ', 'DESKTOP-4F7K2QP', 'hello world', 'well-known-fact', '0', '99999999999', 'key_', 'api_']) {
      assert.equal(recognize(value), undefined, JSON.stringify(value));
    }
  });

  it('reads a value the way the picked vendor takes it, or says what that vendor expects', () => {
    assert.deepEqual(parseFor('cryptolens', 'DESKTOP-4F7K2QP'), { vendor: 'cryptolens', kind: 'machine-code', machineCode: 'DESKTOP-4F7K2QP' });
    assert.deepEqual(parseFor('cryptolens', 'a1b2c3d4-e5f6-7890-ab12-cd34ef567890'), {
      vendor: 'cryptolens',
      kind: 'machine-code',
      machineCode: 'a1b2c3d4-e5f6-7890-ab12-cd34ef567890',
    });
    assert.deepEqual(parseFor('cryptolens', '42'), { vendor: 'cryptolens', kind: 'key-id', keyId: 42 });
    assert.match(errorOf(parseFor('cryptolens', 'x'.repeat(257))), /at most 256/);
    assert.match(errorOf(parseFor('cryptolens', 'tab\there')), /control characters/);
    assert.match(errorOf(parseFor('cryptolens', '  ')), /license key string/);
    assert.match(errorOf(parseFor('unkey', EXAMPLE_KEY)), /starts with key_/);
    assert.match(errorOf(parseFor('runtype', 'key_2zeYsLbpULnEUsvYeFGMeJzACp4j')), /UUID/);
  });

  it('names what was recognized, and gives back the value it will send', () => {
    const target = recognize(EXAMPLE_KEY);
    assert.ok(target);
    assert.equal(describeTarget(target), 'Cryptolens license key');
    assert.equal(targetValue(target), EXAMPLE_KEY);
    const id = recognize('#7');
    assert.ok(id);
    assert.equal(describeTarget(id), 'Cryptolens key id');
    assert.equal(targetValue(id), '7');
  });

  it("turns a tree node's reference into a lookup that needs no further question", () => {
    assert.deepEqual(fromReference({ vendor: 'cryptolens', scopeId: '3349', keyId: '123456', key: EXAMPLE_KEY }), { vendor: 'cryptolens', kind: 'key-id', keyId: 123456 });
    assert.deepEqual(fromReference({ vendor: 'cryptolens', scopeId: '3349', key: EXAMPLE_KEY }), { vendor: 'cryptolens', kind: 'key', key: EXAMPLE_KEY, productId: 3349 });
    assert.deepEqual(fromReference({ vendor: 'unkey', scopeId: 'api_123' }), { vendor: 'unkey', kind: 'api', apiId: 'api_123' });
    assert.deepEqual(fromReference({ vendor: 'unkey', scopeId: 'api_123', keyId: 'key_1' }), { vendor: 'unkey', kind: 'key-id', keyId: 'key_1' });
    assert.deepEqual(fromReference({ vendor: 'runtype', keyId: 'a1b2' }), { vendor: 'runtype', kind: 'key-id', keyId: 'a1b2' });
    assert.equal(fromReference({ vendor: 'cryptolens', scopeId: '3349' }), undefined);
  });
});

function errorOf(result: ReturnType<typeof parseFor>): string {
  assert.ok('error' in result, `expected an error, got ${JSON.stringify(result)}`);
  return result.error;
}
