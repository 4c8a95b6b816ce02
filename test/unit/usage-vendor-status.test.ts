// The status bar's view of each vendor: the usage service tells every call's outcome (onDidSettle),
// and VendorStatus turns them into one line per connected vendor and a warning flag. Real clients
// against the emulator, the test's clock.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { NotFoundError } from '../../src/http/errors';
import { CoolingDownError } from '../../src/usage/cooldown';
import { UsageService, type Settled } from '../../src/usage/usage-service';
import { VendorStatus } from '../../src/usage/vendor-status';
import { startUsageHarness, TEST_NOW, type UsageHarness } from './lookup-harness';

describe('vendor status: what the status bar says', () => {
  let harness: UsageHarness;
  let usage: UsageService;
  let told: Settled[];
  let status: VendorStatus;

  before(async () => {
    harness = await startUsageHarness();
  });
  after(() => harness.close());
  beforeEach(() => {
    harness.emulator.faults.clear();
    usage?.dispose();
    usage = new UsageService(harness.clients, () => TEST_NOW);
    told = [];
    status = new VendorStatus();
    usage.onDidSettle((settled) => {
      told.push(settled);
      status.settled(settled);
    });
  });

  it('says "connected" for each vendor with a token whose calls work', async () => {
    await usage.runtypeKeys();
    assert.deepEqual(told, [{ vendor: 'runtype', ok: true }]);
    assert.deepEqual(status.summary(['runtype', 'cryptolens'], TEST_NOW), { warning: false, lines: ['Cryptolens: connected', 'Runtype: connected'] });
  });

  it('warns with the error of a failing vendor, and recovers on its next good call', async () => {
    harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'status', status: 502 }, times: 20 });
    await assert.rejects(usage.runtypeKeys());
    const failed = status.summary(['runtype', 'unkey'], TEST_NOW);
    assert.equal(failed.warning, true);
    assert.equal(failed.lines[0], 'Unkey: connected');
    assert.match(failed.lines[1] ?? '', /^Runtype: (?!connected)\S/);
    assert.doesNotMatch(failed.lines[1] ?? '', /Runtype: Runtype/);
    harness.emulator.faults.clear();
    usage.forgetFailures();
    await usage.runtypeKeys();
    assert.deepEqual(status.summary(['runtype'], TEST_NOW), { warning: false, lines: ['Runtype: connected'] });
  });

  it('says until when a vendor is rate limited, and no longer once it has passed', async () => {
    harness.emulator.faults.add({ vendor: 'runtype', fault: { kind: 'status', status: 429, retryAfter: '600' } });
    await assert.rejects(usage.runtypeSummary(), CoolingDownError);
    // A surface asking during the cooldown is told again (nothing is sent).
    await assert.rejects(usage.runtypeKeys(), CoolingDownError);
    assert.ok(told.every((settled) => !settled.ok && settled.error instanceof CoolingDownError));
    assert.deepEqual(status.summary(['runtype'], TEST_NOW), { warning: true, lines: ['Runtype: rate limited, try again after 12:10 UTC'] });
    assert.equal(status.nextCooldownEnd(TEST_NOW), TEST_NOW + 600_000);
    assert.deepEqual(status.summary(['runtype'], TEST_NOW + 600_001), { warning: false, lines: ['Runtype: connected'] });
  });

  it('does not count "no such key" as the vendor failing, and forgets a vendor whose token changed', () => {
    status.settled({ vendor: 'unkey', ok: false, error: new NotFoundError({ vendor: 'unkey', endpoint: 'keys.getKey' }, 'Key not found', 404) });
    assert.equal(status.summary(['unkey'], TEST_NOW).warning, false);
    status.settled({ vendor: 'unkey', ok: false, error: new Error('socket hang up') });
    assert.deepEqual(status.summary(['unkey'], TEST_NOW), { warning: true, lines: ['Unkey: socket hang up'] });
    status.forget('unkey');
    assert.equal(status.summary(['unkey'], TEST_NOW).warning, false);
  });

  it('tells nothing for a call nobody waits for any more', async () => {
    const controller = new AbortController();
    const pending = usage.runtypeSummary(controller.signal);
    controller.abort();
    await assert.rejects(pending);
    await usage.settled();
    assert.deepEqual(told.filter((settled) => !settled.ok), []);
  });
});
