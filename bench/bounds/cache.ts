// Figure 7, cache: 10,000 distinct machine-code lookups through Keyscope's UsageService, in a child
// process of its own; the cache's entries and the heap it keeps after a full GC, against the same
// lookups with the caps lifted (the cache as it was before issue 12).
import { join } from 'node:path';
import { DEFAULT_CACHE_LIMITS } from '../../src/usage/cache';
import type { Emulator } from '../../test/emulator/server';
import { runChild } from '../lib/child';
import { atMost, figure, type Figure } from '../lib/figure';
import type { CacheInput, CacheRun } from './cache-run';

const SECTION = '7 bounds';
const LOOKUPS = 10_000;
const HEAP_BUDGET_MB = 20;
const MB = 1024 * 1024;

export async function cacheFigures(emulator: Emulator): Promise<Figure[]> {
  const run = (unbounded: boolean): Promise<CacheRun> =>
    runChild<CacheInput, CacheRun>(join(__dirname, 'cache-child.ts'), { origin: emulator.origin, endpoints: emulator.config, lookups: LOOKUPS, unbounded });
  const bounded = await run(false);
  const lifted = await run(true);
  const growth = (result: CacheRun): number => (result.heap.retainedBytes - result.heap.baselineBytes) / MB;
  const how = (result: CacheRun): string =>
    `${result.requests} requests in ${(result.wallMs / 1000).toFixed(1)} s; heap after GC ${(result.heap.baselineBytes / MB).toFixed(1)} → ${(result.heap.retainedBytes / MB).toFixed(1)} MB (peak ${(result.heap.peakBytes / MB).toFixed(1)} MB); the cache's own estimate ${(result.estimatedBytes / MB).toFixed(2)} MB`;
  return [
    figure({
      section: SECTION,
      name: `cache entries after ${LOOKUPS.toLocaleString('en-US')} distinct lookups`,
      value: bounded.entries,
      unit: 'entries',
      budget: atMost(DEFAULT_CACHE_LIMITS.maxEntries, 'entries'),
      note: `devicesByMachineCode for ${LOOKUPS.toLocaleString('en-US')} distinct machine codes of the account, 8 at a time; ${how(bounded)}`,
    }),
    figure({
      section: SECTION,
      name: `heap growth after ${LOOKUPS.toLocaleString('en-US')} distinct lookups`,
      value: growth(bounded),
      unit: 'MB',
      budget: atMost(HEAP_BUDGET_MB, 'MB'),
      note: 'V8 heapUsed after a forced GC, after the lookups minus before them, in a child process of its own (emulator elsewhere); the cache is alive in both',
    }),
    figure({
      section: SECTION,
      name: `… the same with the caps lifted (as before issue 12): entries / heap growth`,
      value: lifted.entries,
      unit: 'entries',
      note: `${growth(lifted).toFixed(1)} MB heap growth; ${how(lifted)}`,
    }),
  ];
}
