// Figure 6a: Keyscope's Unkey v2 client against the official SDK (@unkey/api 2.x) for the same
// analytics.getVerifications query, 1,000 calls each, interleaved; and the bundle bytes each adds.
import { Unkey } from '@unkey/api';
import { HttpClient, type HttpRequest, type HttpResponse } from '../../src/http/client';
import type { VerificationQuery } from '../../src/vendors/unkey/types';
import { UnkeyV2Client } from '../../src/vendors/unkey/v2-client';
import type { Emulator } from '../../test/emulator/server';
import { bundleEntry } from '../lib/bundle';
import { atMost, figure, type Figure } from '../lib/figure';
import { sideBySide } from '../lib/side-by-side';

const BLOCKS = 100;
const CALLS_PER_BLOCK = 10;
const DAY_MS = 86_400_000;
const KB = 1024;
const SECTION = '6 peers';

/** Keeps the body of the last request, to hand the SDK the very SQL Keyscope sent. */
class RecordingHttp extends HttpClient {
  lastBody: string | undefined;
  override send(req: HttpRequest): Promise<HttpResponse> {
    this.lastBody = req.body;
    return super.send(req);
  }
}

/**
 * The panel's "Last 24 hours" series of the largest API: a query every panel open makes, and one
 * the emulator answers quickly enough for 2,000 calls (per-key totals over 30 days take ~250 ms
 * each there, which would only dilute the ratio with ClickHouse time).
 */
export function seriesQuery(emulator: Emulator): VerificationQuery {
  const end = Math.floor(emulator.unkey.now / 3_600_000) * 3_600_000;
  const apiId = emulator.config.unkey.apiIds[0];
  if (!apiId) throw new Error('the emulator seeded no Unkey API');
  return { apiId, start: end - DAY_MS, end, groupBy: ['hour'] };
}

export async function unkeyVersusSdk(emulator: Emulator): Promise<Figure[]> {
  const { v2BaseUrl, token } = emulator.config.unkey;
  const http = new RecordingHttp();
  try {
    const client = new UnkeyV2Client({ baseUrl: v2BaseUrl, token, http, now: () => emulator.unkey.now });
    const query = seriesQuery(emulator);
    const expectedRows = (await client.getVerifications(query)).length;
    const sql = (JSON.parse(http.lastBody ?? '{}') as { query?: string }).query;
    if (!sql) throw new Error('could not read the SQL Keyscope sent');
    const sdk = new Unkey({ rootKey: token, serverURL: v2BaseUrl });
    const sdkRows = (await sdk.analytics.getVerifications({ query: sql })).data.length;
    if (sdkRows !== expectedRows) throw new Error(`the SDK got ${sdkRows} rows, Keyscope ${expectedRows}`);
    const result = await sideBySide(
      [
        { name: 'Keyscope UnkeyV2Client', call: () => client.getVerifications(query) },
        { name: '@unkey/api', call: () => sdk.analytics.getVerifications({ query: sql }) },
      ],
      // Unkey allows 1000 queries an hour; the emulator's count is reset so this measures time, not quota.
      { blocks: BLOCKS, callsPerBlock: CALLS_PER_BLOCK, warmupCalls: 20, beforeBlock: () => emulator.unkey.resetQuota() },
    );
    const how = `${result.calls} sequential calls each, ${BLOCKS} interleaved blocks, median of blocks; query: hourly outcomes over the last 24 hours of ${query.apiId} (${expectedRows} rows); Keyscope's time includes building the SQL and mapping rows to the model, the SDK's its own response validation`;
    return [
      figure({ section: SECTION, name: 'Unkey v2 getVerifications, Keyscope client: time per call', value: result.perCallMs[0], unit: 'ms', note: how, samples: result.blocks.map((block) => block.perCallMs[0]) }),
      figure({ section: SECTION, name: 'Unkey v2 getVerifications, @unkey/api SDK: time per call', value: result.perCallMs[1], unit: 'ms', samples: result.blocks.map((block) => block.perCallMs[1]) }),
      figure({
        section: SECTION,
        name: 'Keyscope Unkey client / @unkey/api, time per call',
        value: result.ratio,
        unit: '×',
        budget: atMost(1, '×'),
        samples: result.blocks.map((block) => block.ratio),
      }),
    ];
  } finally {
    await http.close();
  }
}

/** Bytes each way adds to a bundle: one-line entries, bundled and minified as the extension is. */
export async function unkeyBundleFigures(): Promise<Figure[]> {
  const entries = {
    keyscope: "export { UnkeyV2Client } from './src/vendors/unkey/v2-client';",
    keyscopeWithHttp: "export { UnkeyV2Client } from './src/vendors/unkey/v2-client'; export { HttpClient } from './src/http/client';",
    sdk: "export { Unkey } from '@unkey/api';",
    sdkStandalone: "export { UnkeyCore } from '@unkey/api/core.js'; export { analyticsGetVerifications } from '@unkey/api/funcs/analyticsGetVerifications.js';",
  };
  const [keyscope, keyscopeWithHttp, sdk, sdkStandalone] = await Promise.all(Object.values(entries).map((entry) => bundleEntry(entry)));
  if (!keyscope || !keyscopeWithHttp || !sdk || !sdkStandalone) throw new Error('a bundle is missing');
  return [
    figure({
      section: SECTION,
      name: 'bundle: Keyscope Unkey v2 client (with zod; HTTP layer shared, not counted)',
      value: keyscope.bytes / KB,
      unit: 'KB',
      note: `entry: ${entries.keyscope}`,
    }),
    figure({
      section: SECTION,
      name: 'bundle: Keyscope Unkey v2 client + its HTTP layer (undici)',
      value: keyscopeWithHttp.bytes / KB,
      unit: 'KB',
      note: `entry: ${entries.keyscopeWithHttp}`,
    }),
    figure({ section: SECTION, name: 'bundle: @unkey/api Unkey class (global fetch)', value: sdk.bytes / KB, unit: 'KB', note: `entry: ${entries.sdk}` }),
    figure({
      section: SECTION,
      name: 'bundle: @unkey/api standalone function (UnkeyCore + analyticsGetVerifications)',
      value: sdkStandalone.bytes / KB,
      unit: 'KB',
      note: `entry: ${entries.sdkStandalone}`,
    }),
    figure({
      section: SECTION,
      name: 'bundle ratio: Keyscope client + HTTP layer / @unkey/api Unkey class',
      value: keyscopeWithHttp.bytes / sdk.bytes,
      unit: '×',
      note: `without the (shared) HTTP layer: ${(keyscope.bytes / sdk.bytes).toFixed(2)}×`,
    }),
  ];
}
