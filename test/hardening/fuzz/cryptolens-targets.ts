// Cryptolens fuzz targets: ai/GetKeyUsageSummaries and ai/GetKeyDevices through the real client
// (readResponse, schemas, map, cursor checks), seeded from the seed pages and the emulator's answers.
import type { HttpClient, HttpResponse } from '../../../src/http/client';
import { CryptolensClient } from '../../../src/vendors/cryptolens/client';
import type { DeviceQuery } from '../../../src/vendors/cryptolens/query';
import { EXAMPLE_DEVICES_JSON, EXAMPLE_SUMMARIES_JSON } from '../../emulator/cryptolens/examples';
import type { Random } from '../../emulator/random';
import type { Emulator } from '../../emulator/server';
import { RecordingHttp } from './canned-http';
import type { FuzzSeed, FuzzTarget } from './run-fuzz';

const QUERIES: readonly DeviceQuery[] = [
  {},
  {},
  { limit: 1 },
  { limit: 1000 },
  { limit: 5 },
  { startingAfter: 7 },
  { endingBefore: 100, limit: 3 },
  { direction: 'backward' },
  { productId: 3349, key: 'AAAA-BBBB-CCCC-DDDD' },
  { keyId: 123456 },
];

function toSeed(response: HttpResponse): FuzzSeed {
  return { status: response.status, body: JSON.parse(response.text) as unknown };
}

/** Real answers of the emulator: pages, a key-locked view, and each kind of error it gives. */
async function emulatorSeeds(emulator: Emulator): Promise<{ summaries: FuzzSeed[]; devices: FuzzSeed[] }> {
  const http = new RecordingHttp({ retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 } });
  const { baseUrl, token } = emulator.config.cryptolens;
  const client = new CryptolensClient({ baseUrl, token, http });
  const denied = new CryptolensClient({ baseUrl, token: 'not-a-cryptolens-token', http });
  const noPermission = new CryptolensClient({ baseUrl, token: emulator.cryptolens.tokenWithoutPermission, http });
  const take = async (work: () => Promise<unknown>): Promise<FuzzSeed> => {
    await work().catch(() => undefined);
    const last = http.recorded.at(-1);
    if (!last) throw new Error('the emulator gave no answer to record');
    return toSeed(last);
  };
  const productId = emulator.cryptolens.data.products[0]?.id ?? 3349;
  const missingProduct = Math.max(...emulator.cryptolens.data.products.map((product) => product.id)) + 1;
  try {
    const summaries = [
      await take(() => client.getKeyUsageSummaries({ limit: 6 })),
      await take(() => client.getKeyUsageSummaries({ limit: 4, direction: 'backward' })),
      await take(() => client.getKeyUsageSummaries({ productId, limit: 3, startingAfter: 20 })),
      await take(() => client.getKeyUsageSummaries({ productId: missingProduct })),
      await take(() => client.getKeyUsageSummaries({ productId, key: 'NOPE-NOPE-NOPE-NOPE' })),
      await take(() => denied.getKeyUsageSummaries()),
      await take(() => noPermission.getKeyUsageSummaries()),
    ];
    const devices = [
      await take(() => client.getKeyDevices({ limit: 6 })),
      await take(() => client.getKeyDevices({ keyId: emulator.cryptolens.lockedKeyId, limit: 4 })),
      await take(() => client.getKeyDevices({ limit: 3, endingBefore: 50 })),
      await take(() => client.getKeyDevices({ productId: missingProduct })),
      await take(() => denied.getKeyDevices()),
    ];
    return { summaries, devices };
  } finally {
    await http.close();
  }
}

function vendorFaults(emulator: Emulator): FuzzSeed[] {
  return [429, 500, 503].map((status) => ({ status, body: emulator.cryptolens.errorBody(status) }));
}

export async function cryptolensTargets(emulator: Emulator): Promise<FuzzTarget[]> {
  const token = emulator.config.cryptolens.token;
  const recorded = await emulatorSeeds(emulator);
  const faults = vendorFaults(emulator);
  const client = (http: HttpClient): CryptolensClient => new CryptolensClient({ baseUrl: 'https://api.cryptolens.io/api/', token, http });
  const query = (random: Random): DeviceQuery => random.pick(QUERIES);
  return [
    {
      name: 'Cryptolens ai/GetKeyUsageSummaries',
      seeds: [{ status: 200, body: JSON.parse(EXAMPLE_SUMMARIES_JSON) as unknown }, ...recorded.summaries, ...faults],
      call: (http, random) => client(http).getKeyUsageSummaries(query(random)),
      secrets: [token],
    },
    {
      name: 'Cryptolens ai/GetKeyDevices',
      seeds: [{ status: 200, body: JSON.parse(EXAMPLE_DEVICES_JSON) as unknown }, ...recorded.devices, ...faults],
      call: (http, random) => client(http).getKeyDevices(query(random)),
      secrets: [token],
    },
  ];
}
