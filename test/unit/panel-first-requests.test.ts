// The host's guess of a new panel's first requests (what it preloads) is exactly what the webview
// asks with its default controls: a guess that drifted would cost the head start, silently.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstRequests } from '../../src/panel/first-requests';
import { resolveRange } from '../../webview/shape/range';
import { DEFAULT_UNKEY_CONTROLS } from '../../webview/state';

const NOWS = [Date.UTC(2026, 11, 7, 4, 59, 59, 999), Date.UTC(2026, 0, 1, 0, 0, 0, 0), Date.UTC(2024, 1, 29, 13, 30)];

describe('a new panel’s first requests', () => {
  for (const version of ['v1', 'v2'] as const) {
    it(`match the Unkey view's default range and breakdown (${version})`, () => {
      for (const now of NOWS) {
        const resolved = resolveRange(DEFAULT_UNKEY_CONTROLS, now, version);
        assert.ok(resolved.ok);
        const { breakdown, limit } = DEFAULT_UNKEY_CONTROLS;
        assert.deepEqual(firstRequests({ vendor: 'unkey', apiId: 'api_1' }, now), [
          { method: 'unkey.series', params: resolved.range },
          { method: 'unkey.breakdown', params: { range: resolved.range, by: breakdown, limit } },
        ]);
        // A key's panel has no breakdown by key: the view starts grouped by tag.
        assert.equal(breakdown, 'key');
        assert.deepEqual(firstRequests({ vendor: 'unkey', apiId: 'api_1', keyId: 'key_1' }, now)[1], {
          method: 'unkey.breakdown',
          params: { range: resolved.range, by: 'tag', limit },
        });
      }
    });
  }

  it('are the one load of a Cryptolens or Runtype view', () => {
    assert.deepEqual(firstRequests({ vendor: 'cryptolens', productId: 1 }, 0), [{ method: 'cryptolens.product', params: {} }]);
    assert.deepEqual(firstRequests({ vendor: 'cryptolens', productId: 1, keyId: 2 }, 0), [{ method: 'cryptolens.key', params: {} }]);
    assert.deepEqual(firstRequests({ vendor: 'runtype' }, 0), [{ method: 'runtype.summary', params: {} }]);
  });
});
