// Both ends of the panel's channel (the same Endpoint class runs in the host and the webview), wired
// together through structured clones as postMessage does: each request gets exactly one response,
// failures travel back as errors, malformed messages are answered or dropped, never acted on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Endpoint, RequestFailedError, type RequestOf } from '../../src/panel/protocol-endpoint';
import { hostMethods, parseHostMessage, parseWebviewMessage, webviewMethods, type HostToWebview, type WebviewToHost } from '../../src/panel/protocol';
import type { Snapshot } from '../../src/panel/protocol-data';

const SNAPSHOT: Snapshot = { title: 'Runtype · All keys', scope: { vendor: 'runtype' }, generatedAt: 0, notes: [], tables: [] };

function pair(answerHost: (request: RequestOf<typeof hostMethods>) => Promise<unknown>) {
  const toHost: unknown[] = [];
  const toWebview: unknown[] = [];
  const warnings: string[] = [];
  // Each posts to the other through a closure: both exist by the time a message is delivered.
  const host: Endpoint<typeof hostMethods, typeof webviewMethods> = new Endpoint({
    incoming: hostMethods,
    outgoing: webviewMethods,
    parse: parseWebviewMessage,
    post: (message: HostToWebview) => {
      const copy = structuredClone(message);
      toWebview.push(copy);
      setImmediate(() => void webview.receive(copy));
    },
    answer: answerHost,
    describe: (error) => (error instanceof Error ? error.message : String(error)),
    warn: (text) => warnings.push(`host: ${text}`),
    timeoutMs: 1_000,
  });
  const webview: Endpoint<typeof webviewMethods, typeof hostMethods> = new Endpoint({
    incoming: webviewMethods,
    outgoing: hostMethods,
    parse: parseHostMessage,
    post: (message: WebviewToHost) => {
      const copy = structuredClone(message);
      toHost.push(copy);
      setImmediate(() => void host.receive(copy));
    },
    answer: async () => SNAPSHOT,
    describe: (error) => (error instanceof Error ? error.message : String(error)),
    warn: (text) => warnings.push(`webview: ${text}`),
    timeoutMs: 1_000,
  });
  return { host, webview, toHost, toWebview, warnings };
}

describe('panel endpoints', () => {
  it('answers a webview request once, with the result the host gave', async () => {
    const { webview, toWebview } = pair(async (request) => {
      assert.equal(request.method, 'init');
      return { scope: { vendor: 'runtype' }, title: 'Runtype · All keys', unkeyVersion: 'v2' };
    });
    const result = await webview.request('init', {});
    assert.deepEqual(result, { scope: { vendor: 'runtype' }, title: 'Runtype · All keys', unkeyVersion: 'v2' });
    assert.equal(toWebview.length, 1);
  });

  it('passes what the panel shows to the host, and answers the webview once', async () => {
    const received: unknown[] = [];
    const { webview, toWebview } = pair(async (request) => {
      if (request.method === 'shown') received.push(request.params.snapshot);
      return {};
    });
    assert.deepEqual(await webview.request('shown', { snapshot: SNAPSHOT }), {});
    assert.deepEqual(received, [SNAPSHOT]);
    assert.equal(toWebview.length, 1);
  });

  it('has the webview refuse requests from the host: it serves none', async () => {
    const { webview, toHost, warnings } = pair(async () => ({}));
    await webview.receive({ kind: 'request', id: 5, method: 'snapshot', params: {} });
    assert.deepEqual(toHost[0], { kind: 'response', id: 5, ok: false, error: { message: 'malformed message at method: not a known method' } });
    assert.equal(warnings.length, 1);
  });

  it('keeps concurrent requests apart by id', async () => {
    const { webview } = pair(async (request) => {
      if (request.method !== 'unkey.series') return {};
      await new Promise((resolve) => setTimeout(resolve, request.params.granularity === 'hour' ? 30 : 1));
      return { slices: [{ time: request.params.start, outcomes: { valid: 1, rateLimited: 0, usageExceeded: 0, disabled: 0, expired: 0, forbidden: 0, unauthorized: 0, notFound: 0, insufficientPermissions: 0, total: 1 } }] };
    });
    const [slow, fast] = await Promise.all([
      webview.request('unkey.series', { start: 1_000 * 3_600_000, end: 1_001 * 3_600_000, granularity: 'hour' }),
      webview.request('unkey.series', { start: 2_000 * 3_600_000, end: 2_001 * 3_600_000, granularity: 'day' }),
    ]);
    assert.equal(slow.slices[0]?.time, 1_000 * 3_600_000);
    assert.equal(fast.slices[0]?.time, 2_000 * 3_600_000);
  });

  it('turns a failure on the host into an error response with its message', async () => {
    const { webview, toWebview } = pair(async () => {
      throw new Error('Cryptolens: Access denied.');
    });
    await assert.rejects(webview.request('cryptolens.product', {}), (error: unknown) => error instanceof RequestFailedError && error.message === 'Cryptolens: Access denied.');
    assert.equal(toWebview.length, 1);
  });

  it('refuses to send an answer that breaks the protocol (e.g. a negative count)', async () => {
    const { webview, warnings } = pair(async () => ({ keys: [{ licenseKeyId: 1, requests: -5, successful: 0, failed: 0, counters: {} }] }));
    await assert.rejects(webview.request('cryptolens.product', {}), /did not match the protocol/);
    assert.ok(warnings.some((warning) => warning.startsWith('host: cryptolens.product')));
  });

  it('answers a malformed request that has an id with an error, and never runs it', async () => {
    let ran = 0;
    const { host, toWebview, warnings } = pair(async () => {
      ran += 1;
      return {};
    });
    await host.receive({ kind: 'request', id: 41, method: 'unkey.series', params: { start: 'yesterday' } });
    assert.equal(ran, 0);
    assert.equal(toWebview.length, 1);
    const response = toWebview[0] as { kind: string; id: number; ok: boolean; error: { message: string } };
    assert.deepEqual([response.kind, response.id, response.ok], ['response', 41, false]);
    assert.match(response.error.message, /^malformed message at params/);
    assert.equal(warnings.length, 1);
  });

  it('drops a malformed message without an id, and a response nobody asked for', async () => {
    const { host, toWebview, warnings } = pair(async () => ({}));
    await host.receive({ hello: 'world' });
    await host.receive({ kind: 'response', id: 999, ok: true, result: {} });
    assert.equal(toWebview.length, 0);
    assert.equal(warnings.length, 2);
  });

  it('rejects a response whose result does not fit the method asked', async () => {
    const { webview } = pair(async () => ({}));
    const pending = webview.request('runtype.summary', {});
    // Swap in a bogus answer before the real one arrives: the first response with the id settles it.
    await webview.receive({ kind: 'response', id: 1, ok: true, result: { totalKeys: 'many' } });
    await assert.rejects(pending, /did not match the protocol/);
  });

  it('times out a request that is never answered, and fails pending requests on dispose', async () => {
    const silent = new Endpoint({
      incoming: webviewMethods,
      outgoing: hostMethods,
      parse: parseHostMessage,
      post: () => undefined,
      answer: async () => SNAPSHOT,
      describe: String,
      warn: () => undefined,
    });
    await assert.rejects(silent.request('init', {}, 20), /no answer within/);
    const pending = silent.request('init', {});
    silent.dispose();
    await assert.rejects(pending, /the panel was closed/);
    await assert.rejects(silent.request('init', {}), /the panel was closed/);
  });

  describe('preloaded answers', () => {
    const RUNTYPE = { totalKeys: 1, activeKeys: 1, expiredKeys: 0, asOf: 5, keys: [] };

    it('settle the first identical request without asking the host', async () => {
      let asked = 0;
      const { host, webview, toHost, warnings } = pair(async () => {
        asked++;
        return RUNTYPE;
      });
      const ahead = await host.answerAhead('runtype.summary', {});
      assert.ok(ahead);
      host.sendAhead(ahead);
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(asked, 1);
      assert.deepEqual(await webview.request('runtype.summary', {}), RUNTYPE);
      assert.equal(toHost.length, 0, 'nothing asked: the preload answered');
      // The next ask (a Refresh, say) goes to the host.
      assert.deepEqual(await webview.request('runtype.summary', {}), RUNTYPE);
      assert.equal(asked, 2);
      assert.deepEqual(warnings, []);
    });

    it('settle a request already on its way, and its response is dropped quietly', async () => {
      let release: () => void = () => undefined;
      const { host, webview, warnings } = pair(() => new Promise((resolve) => (release = () => resolve(RUNTYPE))));
      const asked = webview.request('runtype.summary', {});
      await new Promise((resolve) => setImmediate(resolve));
      const later = { ...RUNTYPE, asOf: 9 };
      webview.receive(structuredClone({ kind: 'preload', method: 'runtype.summary', params: {}, result: later }));
      assert.deepEqual(await asked, later);
      release();
      await new Promise((resolve) => setTimeout(resolve, 10));
      assert.deepEqual(warnings, []);
      void host;
    });

    it('answer only the same params, are checked like answers, and are not used after a Refresh', async () => {
      const { webview, warnings } = pair(async (request) => {
        assert.equal(request.method, 'unkey.series');
        return { slices: [] };
      });
      const range = { start: 0, end: 3_600_000, granularity: 'hour' as const };
      const slices = [{ time: 0, outcomes: { valid: 1, rateLimited: 0, usageExceeded: 0, disabled: 0, insufficientPermissions: 0, forbidden: 0, expired: 0, notFound: 0, other: 0, total: 1 } }];
      await webview.receive({ kind: 'preload', method: 'unkey.series', params: { granularity: 'hour', end: 3_600_000, start: 0 }, result: { slices: 'nope' } });
      assert.match(warnings[0] ?? '', /rejected a message: malformed message at result\.slices/);
      await webview.receive({ kind: 'preload', method: 'unkey.series', params: { ...range, end: 7_200_000 }, result: { slices } });
      assert.deepEqual(await webview.request('unkey.series', range), { slices: [] }, 'other params: asked');
      await webview.receive({ kind: 'preload', method: 'unkey.series', params: { ...range, start: 1 }, result: { slices } });
      webview.forgetPreloads();
      assert.deepEqual(await webview.request('unkey.series', { ...range, start: 1 }), { slices: [] }, 'forgotten: asked');
    });

    it('are not sent when answering fails (the webview asks and gets the error then)', async () => {
      const { host, toWebview } = pair(async () => {
        throw new Error('vendor down');
      });
      assert.equal(await host.answerAhead('runtype.summary', {}), undefined);
      assert.deepEqual(toWebview, []);
    });
  });
});
