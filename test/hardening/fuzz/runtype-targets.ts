// Runtype fuzz targets: GET /v1/api-keys, /v1/api-keys/analytics and /v1/api-keys/{id}/analytics
// through the real client (runtypeError, schemas, map), seeded from the seed page and the emulator.
import type { HttpClient } from '../../../src/http/client';
import { RuntypeClient } from '../../../src/vendors/runtype/client';
import type { Random } from '../../emulator/random';
import { DOCS_EXAMPLE } from '../../emulator/runtype/docs-example';
import type { Emulator } from '../../emulator/server';
import { RecordingHttp } from './canned-http';
import type { FuzzSeed, FuzzTarget } from './run-fuzz';

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
      seeds: [{ status: 200, body: DOCS_EXAMPLE }, ...seeds.analytics, ...seeds.errors],
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
