// Unkey v2 keeps 90 days: the panel offers it only ranges inside them (every preset and granularity
// is asked of the emulator, whose query guard refuses what reaches further, as Unkey's does), and a
// custom range starting earlier is clamped with a note that says so. v1 keeps its ranges.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GRANULARITIES } from '../../src/panel/protocol';
import { UnkeyV2Client } from '../../src/vendors/unkey/v2-client';
import { earliestSliceStart } from '../../src/panel/protocol-retention';
import { presetsFor, resolveRange, type RangeChoice } from '../../webview/shape/range';
import { startEmulator, type Emulator } from '../emulator/server';
import { SMALL_SCALE } from '../emulator/scale';
import { testHttp } from './test-http';

const DAY = 86_400_000;
/** Late in a UTC day, so the 90th day back begins before the retention floor. */
const NOW = Date.UTC(2025, 8, 1, 23);

describe('panel ranges: Unkey v2 retention', () => {
  let emulator: Emulator;
  const http = testHttp();

  before(async () => {
    emulator = await startEmulator({ scale: SMALL_SCALE, now: NOW });
  });
  after(async () => {
    await http.close();
    await emulator.close();
  });

  it('offers v2 the last 90 days instead of the last 12 months; v1 keeps its year', () => {
    assert.deepEqual(presetsFor('v2'), ['24h', '7d', '30d', '90d', 'custom']);
    assert.deepEqual(presetsFor('v1'), ['24h', '7d', '30d', '12m', 'custom']);
    const saved = resolveRange({ preset: '12m', granularity: 'month' }, NOW, 'v2');
    assert.ok(saved.ok);
    assert.ok(saved.range.start >= NOW - 90 * DAY, 'a "12 months" saved under v1 reads as 90 days under v2');
  });

  it('asks v2 only for what it keeps: every preset and granularity is answered, none refused', async () => {
    const client = new UnkeyV2Client({ baseUrl: emulator.config.unkey.v2BaseUrl, token: emulator.unkey.token, http, now: () => NOW });
    const [apiId = ''] = emulator.unkey.apiIds;
    const choices: RangeChoice[] = [
      ...presetsFor('v2').filter((preset) => preset !== 'custom').flatMap((preset) => GRANULARITIES.map((granularity) => ({ preset, granularity }))),
      ...GRANULARITIES.map((granularity) => ({ preset: 'custom' as const, granularity, from: '2024-01-01', to: '2025-08-31' })),
    ];
    for (const choice of choices) {
      const resolved = resolveRange(choice, NOW, 'v2');
      if (!resolved.ok) {
        // Only too many slices may refuse (90 days by hour fit; a year would not).
        assert.match(resolved.error, /coarser granularity/, JSON.stringify(choice));
        continue;
      }
      await assert.doesNotReject(client.getVerifications({ apiId, ...resolved.range, groupBy: [resolved.range.granularity] }), JSON.stringify(choice));
    }
  });

  it('clamps a custom start older than 90 days to the first slice v2 answers, and says so', () => {
    const clamped = resolveRange({ preset: 'custom', granularity: 'day', from: '2025-01-01', to: '2025-08-31' }, NOW, 'v2');
    assert.ok(clamped.ok);
    assert.equal(clamped.range.start, earliestSliceStart('v2', 'day', NOW));
    assert.equal(clamped.note, 'Unkey v2 keeps 90 days of verifications: the range starts 2025-06-04, not 2025-01-01.');
    const monthly = resolveRange({ preset: '90d', granularity: 'month' }, NOW, 'v2');
    assert.ok(monthly.ok);
    assert.equal(monthly.range.start, Date.UTC(2025, 6, 1), 'a month slice starts inside the 90 days');
    assert.match(monthly.note ?? '', /starts 2025-07-01/);
  });

  it('refuses custom dates that end before what v2 keeps, naming the first day it has', () => {
    const result = resolveRange({ preset: 'custom', granularity: 'day', from: '2024-01-01', to: '2024-02-01' }, NOW, 'v2');
    assert.deepEqual(result, { ok: false, error: 'Unkey v2 keeps 90 days of verifications: choose dates from 2025-06-04 on.' });
  });

  it('leaves v1 ranges as they were: a year back, no note', () => {
    const result = resolveRange({ preset: 'custom', granularity: 'day', from: '2024-09-01', to: '2025-08-31' }, NOW, 'v1');
    assert.deepEqual(result, { ok: true, range: { start: Date.UTC(2024, 8, 1), end: Date.UTC(2025, 7, 31, 23), granularity: 'day' } });
    const year = resolveRange({ preset: '12m', granularity: 'month' }, NOW, 'v1');
    assert.ok(year.ok && year.range.start === Date.UTC(2024, 9, 1) && year.note === undefined);
  });
});
