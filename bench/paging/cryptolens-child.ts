// One child process per N: scans every Cryptolens summary through Keyscope's real code, `runs` times,
// reporting wall time, peak heap and the vendor requests each scan made.
import '../vscode/register';
import { HttpClient } from '../../src/http/client';
import { CryptolensClient } from '../../src/vendors/cryptolens/client';
import { childInput, childMain, childResult } from '../lib/child';
import { measureHeap } from '../lib/heap';
import { MAX_MAX_SCAN_KEYS } from '../../src/usage/scan';
import { createKeyscope, type EmulatorEndpoints } from '../lib/keyscope';
import { clearRequests, readRequests } from './emulator-requests';
import type { ScanInput, ScanRun } from './scan';

async function scanWithClient(endpoints: EmulatorEndpoints, sample: () => void): Promise<number> {
  const http = new HttpClient();
  try {
    const client = new CryptolensClient({ baseUrl: endpoints.cryptolens.baseUrl, token: endpoints.cryptolens.token, http });
    let rows = 0;
    for await (const page of client.summaryPages({ limit: 1000 })) {
      rows += page.items.length;
      sample();
    }
    return rows;
  } finally {
    await http.close();
  }
}

async function scanWithService(endpoints: EmulatorEndpoints): Promise<number> {
  // The setting's maximum: the figure is about paging 100,000 summaries, not about the default limit.
  const keyscope = await createKeyscope(endpoints, { maxScanKeys: MAX_MAX_SCAN_KEYS });
  try {
    const all = await keyscope.usage.allLicenseKeys();
    return all.items.length;
  } finally {
    await keyscope.close();
  }
}

async function main(): Promise<never> {
  const input = childInput<ScanInput>();
  const runs: ScanRun[] = [];
  for (let run = 0; run < input.runs; run++) {
    await clearRequests(input.origin);
    const { result, heap } = await measureHeap(async ({ sample }) => {
      const started = performance.now();
      const rows = input.mode === 'client' ? await scanWithClient(input.endpoints, sample) : await scanWithService(input.endpoints);
      return { rows, wallMs: performance.now() - started };
    });
    const { rows, wallMs } = result;
    const requests = (await readRequests(input.origin)).total;
    runs.push({ rows, requests, wallMs, heap });
  }
  childResult(runs);
}

childMain(main);
