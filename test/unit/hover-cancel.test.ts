// A cancelled hover stops waiting at once; the vendor call it started still answers the next hover,
// so moving the mouse across ids never costs a request twice.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { untilCancelled, type Cancellation } from '../../src/hover/until-cancelled';
import { KeyIndex } from '../../src/usage/key-index';
import { startUsageHarness, TEST_NOW, type UsageHarness } from './lookup-harness';

class TestToken implements Cancellation {
  isCancellationRequested = false;
  private readonly listeners = new Set<() => unknown>();

  onCancellationRequested(listener: () => unknown): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  cancel(): void {
    this.isCancellationRequested = true;
    for (const listener of [...this.listeners]) listener();
  }

  get listening(): number {
    return this.listeners.size;
  }
}

describe('hover: cancellation', () => {
  let harness: UsageHarness;

  before(async () => {
    harness = await startUsageHarness();
  });
  after(() => harness.close());

  it('stops waiting when cancelled, and the shared request answers the next hover without a new one', async () => {
    const [key] = harness.emulator.runtype.keys;
    assert.ok(key);
    const index = new KeyIndex(harness.freshUsage(), () => harness.config, () => TEST_NOW);
    harness.emulator.requests.clear();
    harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'latency', ms: 600 }, times: 1 });
    const candidate = { kind: 'runtype-id' as const, text: key.id, start: 0, end: key.id.length };

    const token = new TestToken();
    const load = index.resolve(candidate);
    let loaded = false;
    void load.then(() => (loaded = true));
    const first = untilCancelled(load, token);
    token.cancel();
    assert.equal(await first, undefined);
    assert.equal(loaded, false, 'gave up while the shared load was still pending, not after the vendor answered');
    assert.equal(token.listening, 0, 'no listener is left behind');

    const second = await untilCancelled(index.resolve(candidate), new TestToken());
    assert.deepEqual(second?.map((facts) => facts.reference.keyId), [key.id]);
    assert.equal(harness.requests('runtype'), 1, 'the cancelled hover\'s request was shared, not repeated');
  });

  it('answers undefined for a token cancelled before it starts, and for a failed lookup', async () => {
    const token = new TestToken();
    token.cancel();
    assert.equal(await untilCancelled(Promise.resolve([1]), token), undefined);
    assert.equal(await untilCancelled(Promise.reject(new Error('vendor down')), new TestToken()), undefined);
    assert.deepEqual(await untilCancelled(Promise.resolve([1]), new TestToken()), [1]);
  });
});
