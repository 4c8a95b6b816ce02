// One child process per Unkey API version: lists every key of one API through Keyscope's client,
// page after page (100 a page, the vendor's maximum), `runs` times.
import { HttpClient } from '../../src/http/client';
import { createUnkeyClient } from '../../src/vendors/unkey/factory';
import { childInput, childMain, childResult } from '../lib/child';
import { measureHeap } from '../lib/heap';
import { clearRequests, readRequests } from './emulator-requests';
import { UNKEY_PAGE, type ListInput, type ScanRun } from './scan';

async function listAll(input: ListInput, sample: () => void): Promise<number> {
  const http = new HttpClient();
  try {
    const { unkey } = input.endpoints;
    const client = createUnkeyClient({ version: input.version, baseUrl: input.version === 'v1' ? unkey.v1BaseUrl : unkey.v2BaseUrl, token: unkey.token, http });
    let keys = 0;
    let cursor: string | undefined;
    do {
      const page = await client.listKeys({ apiId: input.apiId, limit: UNKEY_PAGE, ...(cursor ? { cursor } : {}) });
      keys += page.items.length;
      cursor = page.nextCursor;
      sample();
    } while (cursor);
    return keys;
  } finally {
    await http.close();
  }
}

async function main(): Promise<never> {
  const input = childInput<ListInput>();
  const runs: ScanRun[] = [];
  for (let run = 0; run < input.runs; run++) {
    await clearRequests(input.origin);
    const { result, heap } = await measureHeap(async ({ sample }) => {
      const started = performance.now();
      const rows = await listAll(input, sample);
      return { rows, wallMs: performance.now() - started };
    });
    runs.push({ rows: result.rows, wallMs: result.wallMs, heap, requests: (await readRequests(input.origin)).total });
  }
  childResult(runs);
}

childMain(main);
