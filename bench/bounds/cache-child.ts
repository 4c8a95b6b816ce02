// One child process: 10,000 distinct machine-code lookups through Keyscope's own UsageService (as
// "Look Up Key Usage…" makes them), then the cache's entries and what the heap kept after a full GC.
import '../vscode/register';
import { HttpClient } from '../../src/http/client';
import { CryptolensClient } from '../../src/vendors/cryptolens/client';
import { childInput, childMain, childResult } from '../lib/child';
import { measureHeap } from '../lib/heap';
import { createKeyscope } from '../lib/keyscope';
import { clearRequests, readRequests } from '../paging/emulator-requests';
import type { CacheInput, CacheRun } from './cache-run';

const CONCURRENCY = 8;

/** Distinct machine codes the account has, read before measuring (and dropped before the baseline). */
async function machineCodes(input: CacheInput): Promise<string[]> {
  const http = new HttpClient();
  try {
    const client = new CryptolensClient({ baseUrl: input.endpoints.cryptolens.baseUrl, token: input.endpoints.cryptolens.token, http });
    const codes = new Set<string>();
    for await (const page of client.devicePages({ limit: 1000 })) {
      for (const device of page.items) codes.add(device.machineCode);
      if (codes.size >= input.lookups) break;
    }
    return [...codes].slice(0, input.lookups);
  } finally {
    await http.close();
  }
}

async function main(): Promise<never> {
  const input = childInput<CacheInput>();
  const codes = await machineCodes(input);
  if (codes.length < input.lookups) throw new Error(`only ${codes.length} distinct machine codes`);
  const keyscope = await createKeyscope(input.endpoints, input.unbounded ? { cache: { maxEntries: Number.POSITIVE_INFINITY, maxBytes: Number.POSITIVE_INFINITY } } : {});
  await clearRequests(input.origin);
  const { result, heap } = await measureHeap(async ({ sample }) => {
    const started = performance.now();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < codes.length) {
        const code = codes[next++] ?? '';
        await keyscope.usage.devicesByMachineCode(code);
        if (next % 250 === 0) sample();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    // The cache stays alive through the last GC: what it keeps is what is measured.
    return { wallMs: performance.now() - started, kept: keyscope.usage.kept, usage: keyscope.usage };
  });
  const requests = (await readRequests(input.origin)).total;
  const run: CacheRun = { lookups: codes.length, requests, entries: result.kept.entries, estimatedBytes: result.kept.bytes, heap, wallMs: result.wallMs };
  await keyscope.close();
  childResult(run);
}

childMain(main);
