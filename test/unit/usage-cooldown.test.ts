// A vendor that says "slow down" is left alone: after a 429 (any Retry-After, seconds or HTTP date)
// or Unkey's documented quota error, no surface sends that vendor and account anything until the
// cooldown ends, and each says when to try again. Real clients against the emulator; the usage
// service's clock is the test's, so a cooldown ends when the test says the time has come.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { resolveLookup } from '../../src/lookup/resolve';
import { answerRequest, type PanelContext } from '../../src/panel/handler';
import type { PanelScope } from '../../src/panel/protocol-data';
import { CoolingDownError, UNSAID_COOLDOWN_MS, whenText } from '../../src/usage/cooldown';
import { KeyIndex } from '../../src/usage/key-index';
import { UsageService } from '../../src/usage/usage-service';
import { startUsageHarness, TEST_NOW, type UsageHarness } from './lookup-harness';

const HOUR = 3_600_000;

class Clock {
  ms = TEST_NOW;
  readonly now = (): number => this.ms;
}

function cooling(pattern: RegExp): (error: unknown) => boolean {
  return (error: unknown) => {
    assert.ok(error instanceof CoolingDownError, `not a cooldown: ${String(error)}`);
    assert.match(error.summary, pattern);
    return true;
  };
}

function panelContext(usage: UsageService, scope: PanelScope): PanelContext {
  return {
    scope,
    title: 'test',
    usage,
    unkeyVersion: () => 'v2',
    save: async () => false,
    open: async () => undefined,
    shown: () => undefined,
    signal: new AbortController().signal,
  };
}

describe('cooldown: a vendor that says "slow down" is left alone', () => {
  let harness: UsageHarness;
  let clock: Clock;
  let usage: UsageService;

  before(async () => {
    harness = await startUsageHarness();
  });
  after(() => harness.close());
  beforeEach(() => {
    harness.emulator.faults.clear();
    harness.emulator.requests.clear();
    harness.emulator.unkey.resetQuota();
    clock = new Clock();
    usage?.dispose();
    usage = new UsageService(harness.clients, clock.now);
  });

  function runtypeId(): { kind: 'runtype-id'; text: string; start: number; end: number } {
    const [key] = harness.emulator.runtype.keys;
    assert.ok(key);
    return { kind: 'runtype-id', text: key.id, start: 0, end: key.id.length };
  }

  it('20 hovers during a 429 with Retry-After: 3600 send one request, each saying when to try again', async () => {
    harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'status', status: 429, retryAfter: '3600' } });
    const index = new KeyIndex(usage, () => harness.config, clock.now);
    const expected = `Runtype: rate limited, try again after ${new Date(TEST_NOW + HOUR).toISOString().slice(11, 16)} UTC`;
    for (let hover = 0; hover < 20; hover++) await assert.rejects(index.resolve(runtypeId()), cooling(new RegExp(`^${expected}$`)));
    assert.equal(harness.requests('runtype'), 1);
  });

  it('reads Retry-After as an HTTP date too, and names the day when it is not today', async () => {
    const inTwoDays = new Date(Math.ceil((Date.now() + 2 * 24 * HOUR) / 1000) * 1000);
    harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'status', status: 429, retryAfter: inTwoDays.toUTCString() } });
    await assert.rejects(usage.runtypeKeys(), cooling(/^Runtype: rate limited, try again after \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/));
    clock.ms += 47 * HOUR;
    await assert.rejects(usage.runtypeKeys(), cooling(/rate limited, try again after \d{2}:\d{2} UTC$/));
    assert.equal(harness.requests('runtype'), 1);
  });

  it('retries a short Retry-After inside the call as before, then cools down instead of costing every hover the same again', async () => {
    // The harness client retries twice and waits up to 1 s for a Retry-After.
    harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'status', status: 429, retryAfter: '1' } });
    await assert.rejects(usage.runtypeKeys(), cooling(/^Runtype: rate limited, try again in 1 s$/));
    assert.equal(harness.requests('runtype'), 3, 'one call: the first attempt and two retries');
    const index = new KeyIndex(usage, () => harness.config, clock.now);
    for (let hover = 0; hover < 20; hover++) await assert.rejects(index.resolve(runtypeId()), CoolingDownError);
    assert.equal(harness.requests('runtype'), 3, 'nothing more while cooling down');
    clock.ms += 1_000;
    harness.emulator.faults.clear();
    assert.equal((await index.resolve(runtypeId())).length, 1, 'asked again once it ended');
    assert.equal(harness.requests('runtype'), 4);
  });

  it('is shared by the tree, hovers, lookups and the panel, and Refresh in the panel sends nothing', async () => {
    const [apiId = ''] = harness.config.unkeyApiIds;
    harness.emulator.faults.add({ vendor: 'unkey', fault: { kind: 'status', status: 429, retryAfter: '600' } });
    const message = /^Unkey: rate limited, try again after 12:10 UTC$/;
    // The tree's API node asks first: its listKeys page is refused.
    await assert.rejects(usage.unkeyKeysPage(apiId), cooling(message));
    const sent = harness.requests('unkey');
    assert.equal(sent, 1);
    const index = new KeyIndex(usage, () => harness.config, clock.now);
    await assert.rejects(index.resolve({ kind: 'unkey-api', text: apiId, start: 0, end: apiId.length }), cooling(message));
    await assert.rejects(resolveLookup(usage, harness.config, { vendor: 'unkey', kind: 'key-id', keyId: 'key_3ZZZZZZZZZZZZZZZ' }, TEST_NOW), cooling(message));
    const panel = panelContext(usage, { vendor: 'unkey', apiId });
    const range = { start: TEST_NOW - 24 * HOUR, end: TEST_NOW, granularity: 'hour' as const };
    await assert.rejects(answerRequest(panel, { kind: 'request', id: 1, method: 'unkey.series', params: range }), cooling(message));
    await assert.rejects(answerRequest(panel, { kind: 'request', id: 2, method: 'refresh', params: {} }), cooling(message));
    await assert.rejects(usage.checkCooldown('unkey'), cooling(message));
    assert.equal(harness.requests('unkey'), sent, 'no surface sent anything during the cooldown');
    // Other vendors are not affected.
    assert.ok((await usage.runtypeKeys()).length > 0);
  });

  it('keeps serving what it already has while cooling down, and Refresh keeps it', async () => {
    const keys = await usage.runtypeKeys();
    harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'status', status: 429, retryAfter: '600' } });
    await assert.rejects(usage.runtypeSummary(), CoolingDownError);
    harness.emulator.requests.clear();
    assert.equal(await usage.runtypeKeys(), keys, 'the kept answer, not a refusal');
    const panel = panelContext(usage, { vendor: 'runtype' });
    await assert.rejects(answerRequest(panel, { kind: 'request', id: 1, method: 'refresh', params: {} }), CoolingDownError);
    assert.equal(await usage.runtypeKeys(), keys, 'Refresh during the cooldown forgot nothing');
    assert.equal(harness.requests('runtype'), 0);
  });

  it('cools down for Unkey\'s documented query quota, for as long as Unkey says', async () => {
    const [apiId = ''] = harness.config.unkeyApiIds;
    const settings = harness.emulator.unkey.settings;
    const quota = settings.analyticsQueriesPerHour;
    settings.analyticsQueriesPerHour = 1;
    try {
      await usage.unkeyTotalsByKey(apiId);
      const other = harness.config.unkeyApiIds[1] ?? apiId;
      // The second query of the hour is refused with a 429 and a Retry-After to the hour's end.
      await assert.rejects(usage.unkeyVerifications({ apiId: other, start: TEST_NOW - 24 * HOUR, end: TEST_NOW, groupBy: ['day'] }), (error: unknown) => {
        assert.ok(error instanceof CoolingDownError);
        assert.ok(error.until > TEST_NOW && error.until <= TEST_NOW + HOUR, `until ${error.until}`);
        return true;
      });
      const sent = harness.requests('unkey', 'analytics.getVerifications');
      await assert.rejects(usage.unkeyVerifications({ apiId: other, start: TEST_NOW - 48 * HOUR, end: TEST_NOW, groupBy: ['day'] }), CoolingDownError);
      assert.equal(harness.requests('unkey', 'analytics.getVerifications'), sent);
    } finally {
      settings.analyticsQueriesPerHour = quota;
    }
  });

  it('without a Retry-After waits 10 s, doubling with each further refusal, and a success resets it', async () => {
    harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'status', status: 429 } });
    await assert.rejects(usage.runtypeKeys(), cooling(/try again in 10 s$/));
    clock.ms += UNSAID_COOLDOWN_MS;
    await assert.rejects(usage.runtypeKeys(), cooling(/try again in 20 s$/));
    clock.ms += 2 * UNSAID_COOLDOWN_MS;
    harness.emulator.faults.clear();
    await usage.runtypeKeys();
    harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'status', status: 429 } });
    await assert.rejects(usage.runtypeSummary(), cooling(/try again in 10 s$/));
  });

  it('counts refusals that arrive together as one: concurrent calls do not double the wait', async () => {
    harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'status', status: 429 } });
    const results = await Promise.allSettled([usage.runtypeKeys(), usage.runtypeSummary()]);
    for (const result of results) {
      assert.equal(result.status, 'rejected');
      assert.ok(result.reason instanceof CoolingDownError);
      assert.equal(result.reason.until, TEST_NOW + UNSAID_COOLDOWN_MS);
    }
  });
});

describe('cooldown: when to try again', () => {
  const at = Date.UTC(2025, 4, 26, 14, 0, 30);
  it('says seconds under a minute, and the UTC minute (rounded up) after that', () => {
    assert.equal(whenText(at + 8_200, at), 'in 9 s');
    assert.equal(whenText(at + 300, at), 'in 1 s');
    assert.equal(whenText(at + 60_000, at), 'after 14:02 UTC');
    assert.equal(whenText(Date.UTC(2025, 4, 26, 15, 0), at), 'after 15:00 UTC');
    assert.equal(whenText(Date.UTC(2025, 4, 27, 9, 30, 1), at), 'after 2025-05-27 09:31 UTC');
  });
});
