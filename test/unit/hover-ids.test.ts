// Which strings in source code are taken for key ids: every seeded id of each vendor, in the places
// code holds them, and none of the dashed words, locale tags and GUIDs that code is full of.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findIdAt, findIds, MAX_LINE_LENGTH, type IdKind } from '../../src/vendors/key-ids';
import { EXAMPLE_KEY } from '../emulator/cryptolens/examples';
import { seedCryptolens } from '../emulator/cryptolens/seed';
import { DOCS_KEYS } from '../emulator/runtype/docs-account';
import { seedRuntypeKeys } from '../emulator/runtype/seed';
import { SMALL_SCALE } from '../emulator/scale';
import { seedWorkspace } from '../emulator/unkey/seed';

const SEED = { scale: SMALL_SCALE, seed: 1, now: Date.UTC(2025, 8, 1, 12) };

function kinds(text: string): Array<[IdKind, string]> {
  return findIds(text).map((candidate) => [candidate.kind, candidate.text]);
}

describe('key id recognition', () => {
  it("recognizes the seed pages' examples", () => {
    assert.deepEqual(kinds(`const key = "${EXAMPLE_KEY}";`), [['cryptolens-key', 'AAAA-BBBB-CCCC-DDDD']]);
    assert.deepEqual(kinds("verify('key_2zeYsLbpULnEUsvYeFGMeJzACp4j')"), [['unkey-key', 'key_2zeYsLbpULnEUsvYeFGMeJzACp4j']]);
    assert.deepEqual(kinds('apiId=api_123&keyId=key_2zeViCGkJpu5zQ8G12jcBoXWy4KH'), [
      ['unkey-api', 'api_123'],
      ['unkey-key', 'key_2zeViCGkJpu5zQ8G12jcBoXWy4KH'],
    ]);
    assert.deepEqual(kinds('{"id": "a1b2c3d4-e5f6-7890-ab12-cd34ef567890", "keyPrefix": "runtype_1234"}'), [
      ['runtype-id', 'a1b2c3d4-e5f6-7890-ab12-cd34ef567890'],
      ['runtype-prefix', 'runtype_1234'],
    ]);
  });

  it("recognizes Cryptolens's own key format (four groups of five capitals) and every seeded key", () => {
    assert.deepEqual(kinds('KEY=MPDWY-PQAOW-FKSCH-SGAAU'), [['cryptolens-key', 'MPDWY-PQAOW-FKSCH-SGAAU']]);
    const keys = seedCryptolens(SEED).keys.map((key) => key.key);
    for (const key of keys) assert.deepEqual(kinds(`"${key}"`), [['cryptolens-key', key]], key);
  });

  it('recognizes every seeded Unkey key id and API id', () => {
    const workspace = seedWorkspace(SEED);
    for (const api of workspace.apis) {
      assert.deepEqual(kinds(`'${api.id}'`), [['unkey-api', api.id]]);
      for (const key of api.keys) assert.deepEqual(kinds(`'${key.id}'`), [['unkey-key', key.id]], key.id);
    }
  });

  it('recognizes every seeded Runtype key id and key prefix, and a full key by its prefix', () => {
    for (const key of [...DOCS_KEYS, ...seedRuntypeKeys(SEED)]) {
      assert.deepEqual(kinds(`${key.id} ${key.keyPrefix}`), [
        ['runtype-id', key.id],
        ['runtype-prefix', key.keyPrefix],
      ]);
    }
    assert.deepEqual(kinds('RUNTYPE_API_KEY=rt_live_ab12Zx9QmT4v7Lp0sW3n'), [['runtype-prefix', 'rt_live_ab12Zx9QmT4v7Lp0sW3n']]);
  });

  it('takes no ordinary dashed word, locale tag, date, version or number sequence for a key', () => {
    const prose = [
      'a well-known-fact about state-of-the-art code',
      'locale: en-US, de-DE, zh-Hant-TW',
      'x-api-key: Content-Type: application/x-www-form-urlencoded',
      'released 2024-01-15 as v1.2.3-beta.4 (UTF-8, ISO-8601)',
      'card 1234-5678-9012-3456 and phone 555-0100',
      'HEAD-1 SHA-256 X-FORWARDED-FOR',
      'aaaa-bbbb-cccc-dddd in lower case',
      'AAAA-BBBB-CCCC-DDDD-EEEE has five groups; AAAA-BBBB-CCC has three',
      'key_value key_foreignkeys primary_key_index my_key_2zeYsLbpULnEUsvYeFGM monkey_2zeYsLbpULnEUsvYeFGM',
      'runtype_ rt_live_ rt_prod_abcd runtypes_1234',
    ];
    for (const line of prose) assert.deepEqual(kinds(line), [], line);
  });

  it('takes a GUID inside a longer dashed token for nothing, and leaves unknown UUIDs to the key-list check', () => {
    assert.deepEqual(kinds('trace-a1b2c3d4-e5f6-7890-ab12-cd34ef567890'), []);
    assert.deepEqual(kinds('a1b2c3d4-e5f6-7890-ab12-cd34ef567890-extra'), []);
    // A bare UUID is only a candidate: KeyIndex shows a hover only for ids in the Runtype key list.
    assert.deepEqual(kinds('requestId: 0f8fad5b-d9cb-469f-a165-70867728950e').map(([kind]) => kind), ['runtype-id']);
  });

  it('finds the id under the cursor, edges included, and nothing beside it', () => {
    const line = `  license: "${EXAMPLE_KEY}", // ok`;
    const start = line.indexOf(EXAMPLE_KEY);
    const end = start + EXAMPLE_KEY.length;
    assert.equal(findIdAt(line, start)?.text, EXAMPLE_KEY);
    assert.equal(findIdAt(line, start + 7)?.text, EXAMPLE_KEY);
    assert.equal(findIdAt(line, end)?.text, EXAMPLE_KEY);
    assert.equal(findIdAt(line, start - 2), undefined);
    assert.equal(findIdAt(line, end + 2), undefined);
    const found = findIdAt(line, start);
    assert.deepEqual(found && [found.start, found.end], [start, end]);
  });

  it('does not scan very long lines (minified code), so hovering there costs nothing', () => {
    const long = `${'x'.repeat(MAX_LINE_LENGTH)} ${EXAMPLE_KEY}`;
    assert.deepEqual(findIds(long), []);
    assert.equal(findIds(`${'x'.repeat(1000)} ${EXAMPLE_KEY}`).length, 1);
  });
});
