// Every state code the vendor documents (vendor-apis-2.md §5.2), the scheme's other methods, and
// codes outside it: each decodes to something a person can read, none throws.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeEvent } from '../../src/vendors/cryptolens/state-code';

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('Cryptolens state codes', () => {
  it('2010–2015 (activation refreshes) and the rest of 2010–2019 are successful activations', () => {
    for (const code of range(2010, 2019)) {
      assert.deepEqual(describeEvent(code), { code, method: 'Activate', outcome: 'succeeded', detail: code - 2010, label: 'Activate · succeeded' });
    }
  });

  it('2020–2029 are failed activations', () => {
    for (const code of range(2020, 2029)) {
      assert.deepEqual(describeEvent(code), { code, method: 'Activate', outcome: 'failed', detail: code - 2020, label: 'Activate · failed' });
    }
  });

  it('3010 is a CreateKey call that succeeded', () => {
    assert.deepEqual(describeEvent(3010), { code: 3010, method: 'CreateKey', outcome: 'succeeded', detail: 0, label: 'CreateKey · succeeded' });
  });

  it('6010 and 6011 are deactivations; the fourth digit is kept as a detail', () => {
    assert.deepEqual(describeEvent(6010), { code: 6010, method: 'Deactivate', outcome: 'succeeded', detail: 0, label: 'Deactivate · succeeded' });
    assert.deepEqual(describeEvent(6011), { code: 6011, method: 'Deactivate', outcome: 'succeeded', detail: 1, label: 'Deactivate · succeeded' });
  });

  it('every method of the scheme, with success and failure', () => {
    const methods: [number, string][] = [
      [10, 'Validate'],
      [20, 'Activate'],
      [30, 'CreateKey'],
      [40, 'Optional field'],
      [50, 'None'],
      [60, 'Deactivate'],
      [70, 'License change'],
      [80, 'Data object'],
    ];
    for (const [prefix, method] of methods) {
      assert.equal(describeEvent(prefix * 100 + 10).label, `${method} · succeeded`);
      assert.equal(describeEvent(prefix * 100 + 20).label, `${method} · failed`);
      assert.equal(describeEvent(prefix * 100 + 27).outcome, 'failed');
    }
  });

  it('a known method with a third digit other than 1 or 2 names its code', () => {
    assert.deepEqual(describeEvent(2030), { code: 2030, method: 'Activate', outcome: 'unknown', detail: 0, label: 'Activate · unknown outcome (2030)' });
    assert.equal(describeEvent(1000).label, 'Validate · unknown outcome (1000)');
    assert.equal(describeEvent(8095).outcome, 'unknown');
  });

  it('codes outside the scheme decode to "Unknown (code)" and never throw', () => {
    for (const code of [9999, 9010, 1110, 0, 999, 10_000, -2010, 20.5, 32_767]) {
      assert.deepEqual(describeEvent(code), { code, method: 'Unknown', outcome: 'unknown', label: `Unknown (${code})` });
    }
    assert.equal(describeEvent(Number.NaN).label, 'Unknown (NaN)');
    assert.equal(describeEvent(Number.POSITIVE_INFINITY).label, 'Unknown (Infinity)');
  });
});
