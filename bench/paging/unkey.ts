// Figure 3, Unkey: listing the 2,000 keys of the largest API with the v1 and the v2 client.
import { join } from 'node:path';
import type { Emulator } from '../../test/emulator/server';
import { runChild } from '../lib/child';
import { exactly, figure, type Figure } from '../lib/figure';
import { median } from '../lib/stats';
import { UNKEY_PAGE, type ListInput, type ScanRun } from './scan';

const RUNS = 3;
const MB = 1024 * 1024;

export async function unkeyPaging(emulator: Emulator): Promise<Figure[]> {
  const apiId = emulator.config.unkey.apiIds[0];
  if (!apiId) throw new Error('the emulator seeded no Unkey API');
  const api = emulator.unkey.workspace.apis.find((candidate) => candidate.id === apiId);
  const keys = api?.keys.length;
  if (keys === undefined) throw new Error(`no key list for ${apiId}`);
  // Both versions say which page is the last (v2 hasMore, v1 the total), so no extra empty page is needed.
  const minimum = Math.ceil(keys / UNKEY_PAGE);
  const figures: Figure[] = [];
  for (const version of ['v1', 'v2'] as const) {
    const input: ListInput = { origin: emulator.origin, endpoints: emulator.config, version, apiId, runs: RUNS };
    const runs = await runChild<ListInput, ScanRun[]>(join(__dirname, 'unkey-child.ts'), input);
    const wrong = runs.find((run) => run.rows !== keys);
    if (wrong) throw new Error(`Unkey ${version} listKeys returned ${wrong.rows} keys of ${keys}`);
    const name = `Unkey ${version} listKeys, ${keys.toLocaleString('en-US')} keys (${UNKEY_PAGE} a page)`;
    const section = '3 paging';
    figures.push(
      figure({
        section,
        name: `${name}: requests`,
        value: median(runs.map((run) => run.requests)),
        unit: 'req',
        budget: exactly(minimum, `= ${minimum} (minimum)`),
        note: version === 'v1' ? 'v1 returns a cursor even on the last page; the minimum assumes the client stops by `total`' : 'v2 tells the last page by pagination.hasMore',
        samples: runs.map((run) => run.requests),
      }),
      figure({ section, name: `${name}: wall time`, value: median(runs.map((run) => run.wallMs)), unit: 'ms', samples: runs.map((run) => run.wallMs) }),
      figure({
        section,
        name: `${name}: peak heap`,
        value: median(runs.map((run) => run.heap.peakBytes / MB)),
        unit: 'MB',
        note: `baseline after GC ${(median(runs.map((run) => run.heap.baselineBytes)) / MB).toFixed(1)} MB`,
        samples: runs.map((run) => run.heap.peakBytes / MB),
      }),
    );
  }
  return figures;
}
