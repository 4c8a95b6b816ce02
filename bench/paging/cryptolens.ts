// Figure 3, Cryptolens: scanning N = 1,000 / 10,000 / 100,000 summaries in pages of 1000.
import { join } from 'node:path';
import { MAX_MAX_SCAN_KEYS } from '../../src/usage/scan';
import { startEmulator } from '../../test/emulator/server';
import { runChild } from '../lib/child';
import { atMost, exactly, figure, type Figure } from '../lib/figure';
import { cryptolensScale, topUpSummaries } from '../lib/scales';
import { median } from '../lib/stats';
import type { ScanInput, ScanMode, ScanRun } from './scan';

const SIZES = [1_000, 10_000, 100_000];
const PAGE = 1000;
const RUNS = 3;
const HEAP_BUDGET_MB = 150;
const MB = 1024 * 1024;

const MODES: ReadonlyArray<readonly [ScanMode, string]> = [
  ['client', 'CryptolensClient.summaryPages'],
  ['service', 'UsageService.allLicenseKeys'],
];

/** Pages a cursor scan cannot do with fewer: a full last page needs one more (empty) page to be known as the last. */
export function minimumPages(rows: number, page: number): number {
  return Math.ceil(rows / page) + (rows % page === 0 ? 1 : 0);
}

export async function cryptolensPaging(options: { sizes?: number[]; modes?: ScanMode[] } = {}): Promise<Figure[]> {
  const figures: Figure[] = [];
  const modes = MODES.filter(([mode]) => options.modes?.includes(mode) ?? true);
  for (const size of options.sizes ?? SIZES) {
    const emulator = await startEmulator({ scale: cryptolensScale(size), now: Date.UTC(2025, 9, 1) });
    try {
      topUpSummaries(emulator, size);
      for (const [mode, label] of modes) {
        // UsageService stops at keyscope.cryptolens.maxScanKeys (here its maximum) without asking the page after.
        const minimum = mode === 'service' ? Math.min(minimumPages(size, PAGE), Math.ceil(MAX_MAX_SCAN_KEYS / PAGE)) : minimumPages(size, PAGE);
        const input: ScanInput = { origin: emulator.origin, endpoints: emulator.config, mode, runs: RUNS };
        const runs = await runChild<ScanInput, ScanRun[]>(join(__dirname, 'cryptolens-child.ts'), input);
        const wrongRows = runs.find((run) => run.rows !== size);
        if (wrongRows) throw new Error(`${label} returned ${wrongRows.rows} summaries of ${size}`);
        const name = `Cryptolens ${size.toLocaleString('en-US')} summaries, ${label}`;
        const section = '3 paging';
        figures.push(
          figure({
            section,
            name: `${name}: requests`,
            value: median(runs.map((run) => run.requests)),
            unit: 'req',
            budget: exactly(minimum, `= ${minimum} (minimum)`),
            samples: runs.map((run) => run.requests),
          }),
          figure({
            section,
            name: `${name}: wall time`,
            value: median(runs.map((run) => run.wallMs)),
            unit: 'ms',
            samples: runs.map((run) => run.wallMs),
          }),
          figure({
            section,
            name: `${name}: peak heap`,
            value: median(runs.map((run) => run.heap.peakBytes / MB)),
            unit: 'MB',
            ...(size === 100_000 ? { budget: atMost(HEAP_BUDGET_MB, 'MB') } : {}),
            note: `V8 heapUsed peak in a child process of its own (emulator elsewhere), sampled every 2 ms and per page; baseline after GC ${(median(runs.map((run) => run.heap.baselineBytes)) / MB).toFixed(1)} MB, retained after GC ${(median(runs.map((run) => run.heap.retainedBytes)) / MB).toFixed(1)} MB, peak RSS ${(median(runs.map((run) => run.heap.peakRssBytes)) / MB).toFixed(0)} MB`,
            samples: runs.map((run) => run.heap.peakBytes / MB),
          }),
        );
      }
    } finally {
      await emulator.close();
    }
  }
  return figures;
}
