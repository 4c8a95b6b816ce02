// Runtype fuzz targets: GET /v1/api-keys, /v1/api-keys/analytics and /v1/api-keys/{id}/analytics
// through the real client (runtypeError, schemas, map), seeded from the seed page and the emulator.
import type { HttpClient } from '../../../src/http/client';
import { RuntypeClient } from '../../../src/vendors/runtype/client';
import type { Random } from '../../emulator/random';
import type { Emulator } from '../../emulator/server';
import { RecordingHttp } from './canned-http';
import type { FuzzSeed, FuzzTarget } from './run-fuzz';

/** The example on the seed page "Get aggregate API key analytics" (003), verbatim. */
const SEED_PAGE_ANALYTICS = {
  analytics: {
    totalKeys: 5,
    activeKeys: 3,
    expiredKeys: 2,
    keyBreakdown: [
      { id: 'a1b2c3d4-e5f6-7890-ab12-cd34ef567890', name: 'Primary API Key', keyPrefix: 'runtype_1234', lastUsedAt: '2024-04-20T14:45:00Z', isActive: true },
      { id: 'b2c3d4e5-f678-9012-ab34-cd56ef789012', name: 'Backup Key', keyPrefix: 'runtype_5678', lastUsedAt: '2024-03-10T08:15:00Z', isActive: true },
      { id: 'c3d4e5f6-7890-1234-ab56-cd78ef901234', name: 'Staging Key', keyPrefix: 'runtype_9012', lastUsedAt: '2024-02-28T17:00:00Z', isActive: true },
      { id: 'd4e5f678-9012-3456-ab78-cd90ef123456', name: 'Old Key 1', keyPrefix: 'runtype_3456', lastUsedAt: null, isActive: false },
      { id: 'e5f67890-1234-5678-ab90-cd12ef345678', name: 'Old Key 2', keyPrefix: 'runtype_7890', lastUsedAt: '2023-12-15T11:30:00Z', isActive: false },
    ],
  },
  timestamp: '2024-04-25T12:00:00Z',
};

const KEY_IDS = ['a1b2c3d4-e5f6-7890-ab12-cd34ef567890', 'key_1', 'x'];

interface RecordedSeeds {
  list: FuzzSeed[];
  analytics: FuzzSeed[];
  key: FuzzSeed[];
  errors: FuzzSeed[];
}

async function emulatorSeeds(emulator: Emulator): Promise<RecordedSeeds> {
  const http = new RecordingHttp({ retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 } });
  const { baseUrl, token } = emulator.config.runtype;
  const client = new RuntypeClient({ baseUrl, token, http });
  const take = async (work: () => Promise<unknown>): Promise<FuzzSeed> => {
    await work().catch(() => undefined);
    const last = http.recorded.at(-1);
    if (!last) throw new Error('the emulator gave no answer to record');
    return { status: last.status, body: JSON.parse(last.text) as unknown };
  };
  try {
    const keys = emulator.runtype.keys;
    const used = keys.find((key) => key.lastUsedAt !== null) ?? keys[0];
    const unused = keys.find((key) => key.lastUsedAt === null) ?? keys[0];
    const list = [await take(() => client.listKeys())];
    const analytics = [await take(() => client.getAnalytics())];
    const key = [await take(() => client.getKeyAnalytics(used?.id ?? 'x')), await take(() => client.getKeyAnalytics(unused?.id ?? 'x'))];
    const errors = [
      await take(() => client.getKeyAnalytics('00000000-0000-4000-8000-000000000000')),
      await take(() => client.getKeyAnalytics('not-a-uuid')),
      await take(() => new RuntypeClient({ baseUrl, token: 'rt_live_wrong', http }).listKeys()),
      ...[429, 500, 503].map((status) => ({ status, body: emulator.runtype.errorBody(status) })),
    ];
    return { list, analytics, key, errors };
  } finally {
    await http.close();
  }
}

export async function runtypeTargets(emulator: Emulator): Promise<FuzzTarget[]> {
  const token = emulator.config.runtype.token;
  const seeds = await emulatorSeeds(emulator);
  const client = (http: HttpClient): RuntypeClient => new RuntypeClient({ baseUrl: 'https://api.runtype.com', token, http });
  return [
    {
      name: 'Runtype GET /v1/api-keys',
      seeds: [...seeds.list, ...seeds.errors],
      call: (http) => client(http).listKeys(),
      secrets: [token],
    },
    {
      name: 'Runtype GET /v1/api-keys/analytics',
      seeds: [{ status: 200, body: SEED_PAGE_ANALYTICS }, ...seeds.analytics, ...seeds.errors],
      call: (http) => client(http).getAnalytics(),
      secrets: [token],
    },
    {
      name: 'Runtype GET /v1/api-keys/{id}/analytics',
      seeds: [...seeds.key, ...seeds.errors],
      call: (http, random: Random) => client(http).getKeyAnalytics(random.pick(KEY_IDS)),
      secrets: [token],
    },
  ];
}
