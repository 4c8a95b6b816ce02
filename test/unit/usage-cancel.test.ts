// Cancellation reaches the socket: a hover, a lookup or a panel that stops waiting aborts the vendor
// calls only it waits for (requests and retry sleeps alike), a call shared with another waiter goes
// on, and disposing the usage service aborts everything. Real clients against the emulator.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { HttpClient } from '../../src/http/client';
import { abortSignalOf, type Cancellation } from '../../src/hover/abort-signal';
import { resolveLookup } from '../../src/lookup/resolve';
import { answerRequest, type PanelContext } from '../../src/panel/handler';
import type { TokenStore } from '../../src/secrets';
import { isCancellation } from '../../src/usage/cancelled';
import { KeyIndex } from '../../src/usage/key-index';
import { UsageService } from '../../src/usage/usage-service';
import { VendorClients } from '../../src/usage/vendor-clients';
import type { VendorId } from '../../src/vendor-id';
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

async function waitUntil(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The harness's headers timeout: a call that ends sooner ended because it was aborted. */
const HEADERS_TIMEOUT_MS = 5_000;

describe('cancellation reaches the socket', () => {
  let harness: UsageHarness;
  let usage: UsageService;

  before(async () => {
    harness = await startUsageHarness();
  });
  after(() => harness.close());
  beforeEach(() => {
    usage = harness.freshUsage();
    harness.emulator.faults.clear();
    harness.emulator.requests.clear();
  });

  function runtypeCandidate(): { kind: 'runtype-id'; text: string; start: number; end: number } {
    const [key] = harness.emulator.runtype.keys;
    assert.ok(key);
    return { kind: 'runtype-id', text: key.id, start: 0, end: key.id.length };
  }

  it('a hover that alone waits aborts its request when VS Code cancels it, and leaves no listener', async () => {
    harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'hang' } });
    const index = new KeyIndex(usage, () => harness.config, () => TEST_NOW);
    const token = new TestToken();
    const { signal, dispose } = abortSignalOf(token);
    const started = Date.now();
    const hover = index.resolve(runtypeCandidate(), signal);
    await waitUntil('the request to reach the vendor', () => harness.requests('runtype') === 1);
    token.cancel();
    await assert.rejects(hover, (error: unknown) => isCancellation(error));
    dispose();
    assert.equal(token.listening, 0);
    await usage.settled();
    assert.ok(Date.now() - started < HEADERS_TIMEOUT_MS, 'the call ended with the abort, not with the timeout');
    assert.equal(harness.requests('runtype'), 1);
  });

  it('a hover shared with another keeps the request going for the one that stays', async () => {
    harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'latency', ms: 300 }, times: 1 });
    const index = new KeyIndex(usage, () => harness.config, () => TEST_NOW);
    const [leaving, staying] = [new TestToken(), new TestToken()];
    const first = index.resolve(runtypeCandidate(), abortSignalOf(leaving).signal);
    const second = index.resolve(runtypeCandidate(), abortSignalOf(staying).signal);
    await waitUntil('the request to reach the vendor', () => harness.requests('runtype') === 1);
    leaving.cancel();
    await assert.rejects(first, (error: unknown) => isCancellation(error));
    const facts = await second;
    assert.equal(facts[0]?.reference.keyId, runtypeCandidate().text);
    assert.equal(harness.requests('runtype'), 1);
  });

  it('a load the tree waits for (no signal) is not aborted by a hover leaving, and answers the next hover', async () => {
    harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'latency', ms: 300 }, times: 1 });
    const tree = usage.runtypeKeys();
    const hover = new TestToken();
    const index = new KeyIndex(usage, () => harness.config, () => TEST_NOW);
    const waiting = index.resolve(runtypeCandidate(), abortSignalOf(hover).signal);
    await waitUntil('the request to reach the vendor', () => harness.requests('runtype') === 1);
    hover.cancel();
    await assert.rejects(waiting, (error: unknown) => isCancellation(error));
    assert.ok((await tree).length > 0);
    assert.equal((await index.resolve(runtypeCandidate(), abortSignalOf(new TestToken()).signal)).length, 1);
    assert.equal(harness.requests('runtype'), 1);
  });

  it('aborting during a retry sleep sends no retry', async () => {
    const retried: number[] = [];
    const http = new HttpClient({
      connectTimeoutMs: 2_000,
      headersTimeoutMs: 5_000,
      bodyTimeoutMs: 5_000,
      retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 60_000 },
      onRetry: (event) => retried.push(event.delayMs),
    });
    const store = { get: (vendor: VendorId) => Promise.resolve(harness.tokens[vendor]) } as unknown as TokenStore;
    const own = new UsageService(new VendorClients(store, () => harness.config, () => http, { confirm: () => Promise.reject(new Error('no consent in unit tests')) }), () => TEST_NOW);
    try {
      // 503 with Retry-After: 30 — the client waits 30 s before asking again, unless told to stop.
      harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'status', status: 503, retryAfter: '30' } });
      const lookup = new AbortController();
      const started = Date.now();
      const pending = resolveLookup(own, harness.config, { vendor: 'runtype', kind: 'key-id', keyId: runtypeCandidate().text }, TEST_NOW, lookup.signal);
      await waitUntil('the retry to be scheduled', () => retried.length === 1);
      assert.equal(retried[0], 30_000);
      lookup.abort();
      await assert.rejects(pending, (error: unknown) => isCancellation(error));
      await own.settled();
      assert.ok(Date.now() - started < 10_000, 'the sleep ended with the abort');
      assert.equal(harness.requests('runtype'), 1, 'no retry was sent');
    } finally {
      own.dispose();
      await http.close();
    }
  });

  it('closing a panel aborts its scan: no page is asked after the close', async () => {
    harness.emulator.faults.add({ vendor: 'cryptolens', fault: { kind: 'hang' } });
    const panel = new AbortController();
    const context: PanelContext = {
      scope: { vendor: 'cryptolens', productId: 1 },
      title: 'test',
      usage,
      unkeyVersion: () => 'v2',
      save: async () => false,
      open: async () => undefined,
      shown: () => undefined,
      signal: panel.signal,
    };
    const started = Date.now();
    const loading = answerRequest(context, { kind: 'request', id: 1, method: 'cryptolens.product', params: {} });
    const failure = assert.rejects(loading, (error: unknown) => isCancellation(error));
    // The product view reads the account's summaries, the product's devices and its key list (the
    // Status column) side by side.
    await waitUntil('the first pages to be asked', () => harness.requests('cryptolens') === 3);
    panel.abort();
    await failure;
    await usage.settled();
    assert.ok(Date.now() - started < HEADERS_TIMEOUT_MS, 'the page requests ended with the abort');
    assert.equal(harness.requests('cryptolens'), 3, 'no page after the close');
  });

  it('disposing the usage service (deactivation) aborts even the calls nobody can cancel', async () => {
    harness.emulator.faults.add({ vendor: 'unkey', fault: { kind: 'hang' } });
    const started = Date.now();
    const tree = usage.unkeyKeysPage(harness.config.unkeyApiIds[0] ?? '');
    await waitUntil('the request to reach the vendor', () => harness.requests('unkey') === 1);
    usage.dispose();
    await assert.rejects(tree, (error: unknown) => isCancellation(error));
    await usage.settled();
    assert.ok(Date.now() - started < HEADERS_TIMEOUT_MS);
    await assert.rejects(usage.runtypeKeys(), (error: unknown) => isCancellation(error));
    assert.equal(harness.requests('runtype'), 0);
  });
});
