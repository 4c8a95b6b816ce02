// The usage cache's bounds: expired answers swept (on insert and on its timer), at most maxEntries and
// maxBytes kept with the least recently used going first, failures kept briefly, and a shared load
// aborted only when the last caller waiting for it leaves.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { estimateBytes } from '../../src/usage/byte-size';
import { BoundedCache, keptBytes, type CacheLimits } from '../../src/usage/cache';
import { isCancellation, LoadCancelledError } from '../../src/usage/cancelled';

class Clock {
  ms = 1_000_000;
  readonly now = (): number => this.ms;
}

const caches: BoundedCache<unknown>[] = [];

function cache<V>(limits: Partial<CacheLimits>, clock = new Clock(), sizeOf?: (value: V) => number): BoundedCache<V> {
  const created = new BoundedCache<V>(limits, clock.now, sizeOf);
  caches.push(created as BoundedCache<unknown>);
  return created;
}

/** A load that counts its calls and answers `value`. */
function counted<V>(value: V): { load: () => Promise<V>; calls: () => number } {
  let calls = 0;
  return {
    load: () => {
      calls += 1;
      return Promise.resolve(value);
    },
    calls: () => calls,
  };
}

/** A load that waits until released or aborted, reporting its signal. */
function held<V>(): { load: (signal: AbortSignal) => Promise<V>; release(value: V): void; signal(): AbortSignal | undefined; calls(): number } {
  let release: ((value: V) => void) | undefined;
  let seen: AbortSignal | undefined;
  let calls = 0;
  return {
    load: (signal) => {
      calls += 1;
      seen = signal;
      return new Promise<V>((resolve, reject) => {
        release = resolve;
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
      });
    },
    release: (value) => release?.(value),
    signal: () => seen,
    calls: () => calls,
  };
}

async function waitUntil(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

afterEach(() => {
  for (const created of caches.splice(0)) created.dispose();
});

describe('usage cache: expiry and the sweep', () => {
  it('reuses an answer until its TTL, then asks again', async () => {
    const clock = new Clock();
    const kept = cache<string>({ ttlMs: 1_000 }, clock);
    const answer = counted('a');
    assert.equal(await kept.get('k', answer.load), 'a');
    clock.ms += 999;
    assert.equal(await kept.get('k', answer.load), 'a');
    assert.equal(answer.calls(), 1);
    clock.ms += 1;
    await kept.get('k', answer.load);
    assert.equal(answer.calls(), 2);
  });

  it('sweeps expired answers when another is inserted, not only when their own key is asked again', async () => {
    const clock = new Clock();
    const kept = cache<string>({ ttlMs: 1_000 }, clock);
    for (const key of ['a', 'b', 'c']) await kept.get(key, counted(key).load);
    assert.equal(kept.size, 3);
    clock.ms += 1_000;
    await kept.get('d', counted('d').load);
    assert.equal(kept.size, 1, 'a, b and c expired and were swept by the insert of d');
  });

  it('sweeps on its own timer while nothing is inserted', async () => {
    const clock = new Clock();
    const kept = cache<string>({ ttlMs: 1_000, sweepIntervalMs: 10 }, clock);
    await kept.get('a', counted('a').load);
    clock.ms += 1_000;
    await waitUntil('the timer to sweep', () => kept.size === 0);
  });
});

describe('usage cache: caps and the order of eviction', () => {
  it('keeps at most maxEntries, dropping the oldest first', async () => {
    const kept = cache<string>({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) await kept.get(key, counted(key).load);
    assert.equal(kept.size, 3);
    const again = counted('again');
    for (const key of ['c', 'd', 'e']) await kept.get(key, again.load);
    assert.equal(again.calls(), 0, 'the three newest are kept');
    await kept.get('a', again.load);
    assert.equal(again.calls(), 1, 'the oldest was dropped');
  });

  it('drops the least recently used, not the least recently inserted', async () => {
    const kept = cache<string>({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) await kept.get(key, counted(key).load);
    await kept.get('a', counted('unused').load);
    await kept.get('d', counted('d').load);
    const again = counted('again');
    for (const key of ['a', 'c', 'd']) await kept.get(key, again.load);
    assert.equal(again.calls(), 0, 'a was used after b, so b went first');
    await kept.get('b', again.load);
    assert.equal(again.calls(), 1);
  });

  it('keeps at most maxBytes, dropping least recently used answers until the new one fits', async () => {
    const kept = cache<string>({ maxBytes: 100 }, new Clock(), (value) => value.length);
    await kept.get('a', counted('x'.repeat(40)).load);
    await kept.get('b', counted('x'.repeat(40)).load);
    assert.equal(kept.bytes, 80);
    await kept.get('c', counted('x'.repeat(50)).load);
    assert.equal(kept.size, 2);
    assert.equal(kept.bytes, 90);
    const again = counted('again');
    await kept.get('b', again.load);
    await kept.get('c', again.load);
    assert.equal(again.calls(), 0, 'a went first');
  });

  it('serves an answer larger than maxBytes without keeping it, and keeps the others', async () => {
    const kept = cache<string>({ maxBytes: 100 }, new Clock(), (value) => value.length);
    await kept.get('small', counted('x'.repeat(10)).load);
    const huge = counted('x'.repeat(101));
    assert.equal((await kept.get('huge', huge.load)).length, 101);
    await kept.get('huge', huge.load);
    assert.equal(huge.calls(), 2, 'not kept');
    assert.equal(kept.size, 1);
    assert.equal(kept.bytes, 10);
  });

  it('clears by prefix, answers and failures alike', async () => {
    const kept = cache<string>({});
    await kept.get('cryptolens:a', counted('a').load);
    await kept.get('unkey:b', counted('b').load);
    await kept.get('cryptolens:c', () => Promise.reject(new Error('down'))).catch(() => undefined);
    kept.clear('cryptolens:');
    assert.equal(kept.size, 1);
    assert.equal(kept.bytes, keptBytes('b', 'unkey:b'));
  });
});

describe('usage cache: failures', () => {
  it('keeps a failure for failureTtlMs, so a burst of callers costs one load', async () => {
    const clock = new Clock();
    const kept = cache<string>({ failureTtlMs: 10_000 }, clock);
    let calls = 0;
    const failing = (): Promise<string> => {
      calls += 1;
      return Promise.reject(new Error(`down ${calls}`));
    };
    for (let i = 0; i < 20; i++) await assert.rejects(kept.get('k', failing), /down 1/);
    assert.equal(calls, 1);
    clock.ms += 10_000;
    await assert.rejects(kept.get('k', failing), /down 2/);
    assert.equal(calls, 2);
  });

  it('forgets failures on a deliberate retry, but keeps the answers', async () => {
    const kept = cache<string>({});
    const answer = counted('ok');
    await kept.get('good', answer.load);
    let calls = 0;
    const failing = (): Promise<string> => {
      calls += 1;
      return Promise.reject(new Error('down'));
    };
    await assert.rejects(kept.get('bad', failing));
    kept.forgetFailures();
    await assert.rejects(kept.get('bad', failing));
    assert.equal(calls, 2);
    await kept.get('good', answer.load);
    assert.equal(answer.calls(), 1);
  });

  it('does not remember a cancelled load as a failure', async () => {
    const kept = cache<string>({});
    const first = held<string>();
    const controller = new AbortController();
    const waiting = kept.get('k', first.load, controller.signal);
    await waitUntil('the load to start', () => first.calls() === 1);
    controller.abort();
    await assert.rejects(waiting, LoadCancelledError);
    await kept.settled();
    assert.equal(kept.size, 0);
    assert.equal(await kept.get('k', counted('fresh').load), 'fresh');
  });
});

describe('usage cache: shared loads and their callers', () => {
  it('shares one load among callers, and aborts it only when the last one leaves', async () => {
    const kept = cache<string>({});
    const load = held<string>();
    const [one, two] = [new AbortController(), new AbortController()];
    const first = kept.get('k', load.load, one.signal);
    const second = kept.get('k', load.load, two.signal);
    await waitUntil('the load to start', () => load.calls() === 1);
    one.abort();
    await assert.rejects(first, (error: unknown) => isCancellation(error));
    assert.equal(load.signal()?.aborted, false, 'one caller still waits');
    two.abort();
    await assert.rejects(second, (error: unknown) => isCancellation(error));
    assert.equal(load.signal()?.aborted, true, 'the last caller left');
    assert.equal(load.calls(), 1);
    await kept.settled();
  });

  it('lets a caller without a signal (the tree) keep a load going when the others leave', async () => {
    const kept = cache<string>({});
    const load = held<string>();
    const controller = new AbortController();
    const anchored = kept.get('k', load.load);
    const leaving = kept.get('k', load.load, controller.signal);
    await waitUntil('the load to start', () => load.calls() === 1);
    controller.abort();
    await assert.rejects(leaving, LoadCancelledError);
    assert.equal(load.signal()?.aborted, false);
    load.release('done');
    assert.equal(await anchored, 'done');
    assert.equal(await kept.get('k', counted('unused').load), 'done', 'kept for the next caller');
  });

  it('rejects at once for a caller whose signal is already aborted, without loading', async () => {
    const kept = cache<string>({});
    const answer = counted('a');
    await assert.rejects(kept.get('k', answer.load, AbortSignal.abort()), LoadCancelledError);
    assert.equal(answer.calls(), 0);
  });

  it('aborts every load when disposed, and answers nothing after', async () => {
    const kept = cache<string>({});
    const load = held<string>();
    const waiting = kept.get('k', load.load);
    await waitUntil('the load to start', () => load.calls() === 1);
    kept.dispose();
    assert.equal(load.signal()?.aborted, true);
    await assert.rejects(waiting);
    await assert.rejects(kept.get('k', counted('a').load), LoadCancelledError);
    await kept.settled();
  });
});

describe('usage cache: estimated bytes', () => {
  it('counts strings by their width, objects and arrays by their slots, shared objects once', () => {
    assert.equal(estimateBytes('abcdefgh'), 16 + 8);
    assert.equal(estimateBytes('ab€'), 16 + 8, 'two bytes a character once one is not Latin-1');
    assert.equal(estimateBytes(7), 0, 'a small integer lives in its slot');
    assert.equal(estimateBytes(1_700_000_000_000), 16, 'a timestamp is a heap number');
    assert.equal(estimateBytes({ a: 1, b: 2 }), 24 + 2 * 8);
    const shared = { a: 1 };
    assert.equal(estimateBytes([shared, shared]), 48 + 2 * 8 + 24 + 8);
  });
});
