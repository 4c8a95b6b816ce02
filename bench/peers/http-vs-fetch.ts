// Figure 6b: Keyscope's HTTP layer (HttpClient over undici) against Node's global fetch for the same
// 1,000 Cryptolens page requests (form POST, token in the body), the response read as text by both.
import { HttpClient } from '../../src/http/client';
import type { Emulator } from '../../test/emulator/server';
import { figure, type Figure } from '../lib/figure';
import { sideBySide } from '../lib/side-by-side';

const PAGE = 100;
const BLOCKS = 100;
const CALLS_PER_BLOCK = 10;

export async function httpVersusFetch(emulator: Emulator): Promise<Figure[]> {
  const { baseUrl, token } = emulator.config.cryptolens;
  const url = new URL('ai/GetKeyUsageSummaries', baseUrl);
  const cursors = emulator.cryptolens.data.summaries.filter((_, index) => index % PAGE === 0).map((row) => row.id);
  // A different page each call, as a scan or a tree would ask; both contenders ask for the same ones.
  const bodyFor = (index: number): string =>
    new URLSearchParams({ Limit: String(PAGE), StartingAfter: String(cursors[index % cursors.length] ?? 0), token }).toString();
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  const http = new HttpClient();
  try {
    const result = await sideBySide(
      [
        {
          name: 'HttpClient',
          async call(index) {
            const response = await http.send({ context: { vendor: 'cryptolens', endpoint: 'ai/GetKeyUsageSummaries' }, method: 'POST', url, headers, body: bodyFor(index) });
            if (response.status !== 200) throw new Error(`HttpClient: HTTP ${response.status}`);
          },
        },
        {
          name: 'fetch',
          async call(index) {
            const response = await fetch(url, { method: 'POST', headers, body: bodyFor(index) });
            await response.text();
            if (response.status !== 200) throw new Error(`fetch: HTTP ${response.status}`);
          },
        },
      ],
      { blocks: BLOCKS, callsPerBlock: CALLS_PER_BLOCK, warmupCalls: 50 },
    );
    const section = '6 peers';
    const how = `${result.calls} sequential calls each (Limit=${PAGE} pages), ${BLOCKS} interleaved blocks, median of blocks`;
    return [
      figure({ section, name: 'Cryptolens page via Keyscope HttpClient: time per call', value: result.perCallMs[0], unit: 'ms', note: how, samples: result.blocks.map((block) => block.perCallMs[0]) }),
      figure({ section, name: 'Cryptolens page via global fetch: time per call', value: result.perCallMs[1], unit: 'ms', samples: result.blocks.map((block) => block.perCallMs[1]) }),
      figure({
        section,
        name: 'Keyscope HttpClient / fetch',
        value: result.ratio,
        unit: '×',
        note: 'Same requests, same emulator, interleaved; ratio per block, median (no budget in the issue: below 1 means Keyscope is faster)',
        samples: result.blocks.map((block) => block.ratio),
      }),
    ];
  } finally {
    await http.close();
  }
}
