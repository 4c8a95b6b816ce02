import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ResponseFormatError } from '../../src/http/errors';
import { toCursorPage, type CursorPage } from '../../src/vendors/cryptolens/paging';
import { prepareQuery } from '../../src/vendors/cryptolens/query';
import { startCryptolensHarness, type CryptolensHarness } from './cryptolens-harness';

describe('Cryptolens paging', () => {
  let h: CryptolensHarness;
  before(async () => {
    h = await startCryptolensHarness();
  });
  after(async () => h.close());

  const summaryIds = (): number[] => h.cryptolens.data.summaries.map((row) => row.id);
  const deviceIds = (): number[] => h.cryptolens.data.devices.map((row) => row.id);
  /** Requests needed to read n rows with pages of `limit`: every full page, then one short (maybe empty) page. */
  const minimumRequests = (n: number, limit: number): number => Math.floor(n / limit) + 1;

  async function collect<T>(pages: AsyncIterable<CursorPage<T>>, id: (item: T) => number, between?: (index: number) => void): Promise<{ ids: number[]; requests: number; sizes: number[] }> {
    const before = h.requestCount();
    const ids: number[] = [];
    const sizes: number[] = [];
    for await (const page of pages) {
      ids.push(...page.items.map(id));
      sizes.push(page.items.length);
      between?.(sizes.length);
    }
    return { ids, requests: h.requestCount() - before, sizes };
  }

  it('forward iteration reads every summary once, ascending, with the fewest requests', async () => {
    const limit = 40;
    const { ids, requests, sizes } = await collect(h.client.summaryPages({ limit }), (row) => row.summaryId);
    assert.deepEqual(ids, summaryIds());
    assert.equal(requests, minimumRequests(summaryIds().length, limit));
    assert.ok((sizes[sizes.length - 1] ?? limit) < limit, 'stopped on a short page');
  });

  it('backward iteration reads every device once, descending, with the fewest requests', async () => {
    const limit = 250;
    const { ids, requests } = await collect(h.client.devicePages({ limit, direction: 'backward' }), (row) => row.deviceId);
    assert.deepEqual(ids, [...deviceIds()].reverse());
    assert.equal(requests, minimumRequests(deviceIds().length, limit));
  });

  it('with no Limit, pages of the default 100 are read', async () => {
    const { ids, requests, sizes } = await collect(h.client.devicePages(), (row) => row.deviceId);
    assert.deepEqual(ids, deviceIds());
    assert.equal(requests, minimumRequests(deviceIds().length, 100));
    assert.ok(sizes.slice(0, -1).every((size) => size === 100));
  });

  it('when the rows fill the last page exactly, one empty page ends the iteration', async () => {
    const productId = h.cryptolens.data.products[0]?.id ?? 0;
    const expected = h.cryptolens.data.summaries.filter((row) => row.productId === productId).map((row) => row.id);
    const limit = expected.length % 2 === 0 ? expected.length / 2 : expected.length;
    for (const direction of ['forward', 'backward'] as const) {
      const { ids, requests, sizes } = await collect(h.client.summaryPages({ productId, limit, direction }), (row) => row.summaryId);
      assert.deepEqual(ids, direction === 'forward' ? expected : [...expected].reverse());
      assert.equal(requests, expected.length / limit + 1);
      assert.equal(sizes[sizes.length - 1], 0);
    }
  });

  it('iterates from a cursor in either direction', async () => {
    const ids = summaryIds();
    const middle = ids[Math.floor(ids.length / 2)] ?? 0;
    const up = await collect(h.client.summaryPages({ startingAfter: middle, limit: 30 }), (row) => row.summaryId);
    assert.deepEqual(up.ids, ids.filter((id) => id > middle));
    const down = await collect(h.client.summaryPages({ endingBefore: middle, limit: 30 }), (row) => row.summaryId);
    assert.deepEqual(down.ids, ids.filter((id) => id < middle).reverse());
  });

  it('previousCursor turns around: the rows before a forward page, the rows after a backward one', async () => {
    const ids = deviceIds();
    const cursor = ids[99] ?? 0;
    const forward = await h.client.getKeyDevices({ startingAfter: cursor, limit: 10 });
    assert.equal(forward.previousCursor, String(ids[100]));
    const back = await h.client.getKeyDevices({ endingBefore: forward.previousCursor, limit: 10 });
    assert.deepEqual(back.items.map((row) => row.deviceId), ids.slice(90, 100).reverse());
    assert.equal(back.nextCursor, String(ids[90]));
    assert.equal(back.previousCursor, String(ids[99]));
    const again = await h.client.getKeyDevices({ startingAfter: back.previousCursor, limit: 10 });
    assert.deepEqual(again.items, forward.items);
    const first = await h.client.getKeyDevices({ limit: 10 });
    assert.equal(first.previousCursor, undefined, 'nothing lies before the first page');
  });

  it('rows appended while paging forward are read once, at the end', async () => {
    const original = summaryIds();
    const appended: number[] = [];
    const { ids } = await collect(h.client.summaryPages({ limit: 50 }), (row) => row.summaryId, (page) => {
      if (page <= 2) appended.push(h.cryptolens.appendSummary().id);
    });
    assert.deepEqual(ids, [...original, ...appended]);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('rows appended while paging backward neither repeat nor hide a row', async () => {
    const original = deviceIds();
    const { ids } = await collect(h.client.devicePages({ limit: 64, direction: 'backward' }), (row) => row.deviceId, () => {
      h.cryptolens.appendDevice();
    });
    assert.deepEqual(ids, [...original].reverse());
  });

  it('refuses a page whose rows do not move past the cursor, rather than repeating rows', () => {
    const context = { vendor: 'cryptolens', endpoint: 'ai/GetKeyDevices' } as const;
    const forward = prepareQuery(context, { startingAfter: 10, limit: 3 }, true);
    assert.deepEqual(toCursorPage(context, [11, 12, 15], (id) => id, forward), {
      items: [11, 12, 15],
      direction: 'forward',
      nextCursor: '15',
      previousCursor: '11',
    });
    assert.throws(() => toCursorPage(context, [11, 10, 15], (id) => id, forward), ResponseFormatError);
    assert.throws(() => toCursorPage(context, [10, 11, 12], (id) => id, forward), /rows out of order on a forward page: id 10 after 10/);
    const backward = prepareQuery(context, { direction: 'backward', limit: 2 }, true);
    assert.deepEqual(toCursorPage(context, [9, 4], (id) => id, backward), { items: [9, 4], direction: 'backward', nextCursor: '4' });
    assert.throws(() => toCursorPage(context, [4, 9], (id) => id, backward), ResponseFormatError);
  });
});
