// Unkey fuzz targets, v1 and v2: analytics.getVerifications and apis.listKeys through the real clients
// (error readers, schemas, row mapping, zero fill, cursor checks), seeded from seed pages 002/004 and
// the emulator's answers. A seed remembers the query that produced it, so most cases ask what the
// mutated answer was an answer to (and the rest test mismatched columns).
import type { HttpClient } from '../../../src/http/client';
import type { ListKeysQuery, VerificationQuery } from '../../../src/vendors/unkey/types';
import { UnkeyV1Client } from '../../../src/vendors/unkey/v1-client';
import { UnkeyV2Client } from '../../../src/vendors/unkey/v2-client';
import { PAGE_004_NOW } from '../../emulator/unkey/fixtures';
import type { Random } from '../../emulator/random';
import type { Emulator } from '../../emulator/server';
import { RecordingHttp } from './canned-http';
import type { FuzzSeed, FuzzTarget } from './run-fuzz';

const DAY = 86_400_000;
const ZERO = { valid: 0, notFound: 0, forbidden: 0, usageExceeded: 0, rateLimited: 0, unauthorized: 0, disabled: 0, insufficientPermissions: 0, expired: 0 };

/** Rows as seed page 004 prints them (one of each shape). */
const PAGE_004_ROWS: readonly { query: Partial<VerificationQuery>; body: unknown }[] = [
  { query: { groupBy: ['hour'] }, body: [{ time: 1736672400000, ...ZERO, valid: 15125, usageExceeded: 1225, total: 16350 }] },
  { query: { groupBy: ['key', 'day'] }, body: [{ time: 1736726400000, ...ZERO, valid: 13, rateLimited: 10, total: 23, keyId: 'key_2zeYsLbpULnEUsvYeFGMeJzACp4j' }] },
  { query: { groupBy: ['month'] }, body: [{ time: 1733011200000, ...ZERO, valid: 1356136098, rateLimited: 925255, total: 1357061353 }] },
  {
    query: { groupBy: ['identity'], orderBy: 'total', order: 'desc', limit: 10 },
    body: [{ identity: { id: 'id_123', externalId: 'user_123' }, ...ZERO, valid: 54, forbidden: 3, usageExceeded: 6, rateLimited: 10, total: 73 }],
  },
  { query: { tags: ['myTag'] }, body: [{ ...ZERO, valid: 5, total: 5 }] },
  { query: { groupBy: ['tags'] }, body: [{ ...ZERO, valid: 50, forbidden: 3, usageExceeded: 6, rateLimited: 10, total: 69, tags: [] }, { ...ZERO, valid: 1, total: 1, tags: ['a', 'b'] }] },
  { query: { groupBy: ['tag'] }, body: [{ ...ZERO, valid: 1, total: 1, tag: 'b' }] },
];

const GROUPINGS: readonly Partial<VerificationQuery>[] = [
  {},
  { groupBy: ['hour'] },
  { groupBy: ['day'] },
  { groupBy: ['month'] },
  { groupBy: ['key'] },
  { groupBy: ['key', 'day'] },
  { groupBy: ['identity'], orderBy: 'total', order: 'desc', limit: 5 },
  { groupBy: ['tag'] },
  { groupBy: ['tags'] },
];

interface Seeds {
  v1Verifications: FuzzSeed[];
  v1Keys: FuzzSeed[];
  v2Verifications: FuzzSeed[];
  v2Keys: FuzzSeed[];
  errors: FuzzSeed[];
}

function verificationQuery(apiId: string, end: number, part: Partial<VerificationQuery>): VerificationQuery {
  return { apiId, start: end - 3 * DAY, end, ...part };
}

async function emulatorSeeds(emulator: Emulator): Promise<Seeds> {
  const http = new RecordingHttp({ retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 } });
  const { v1BaseUrl, v2BaseUrl, token, apiIds } = emulator.config.unkey;
  const apiId = apiIds[0] ?? 'api_123';
  const end = Math.floor(emulator.unkey.now / 3_600_000) * 3_600_000;
  const v1 = new UnkeyV1Client({ baseUrl: v1BaseUrl, token, http });
  const v2 = new UnkeyV2Client({ baseUrl: v2BaseUrl, token, http, now: () => emulator.unkey.now });
  const take = async (work: () => Promise<unknown>, note?: unknown): Promise<FuzzSeed> => {
    await work().catch(() => undefined);
    const last = http.recorded.at(-1);
    if (!last) throw new Error('the emulator gave no answer to record');
    return { status: last.status, body: JSON.parse(last.text) as unknown, ...(note === undefined ? {} : { note }) };
  };
  try {
    const seeds: Seeds = { v1Verifications: [], v1Keys: [], v2Verifications: [], v2Keys: [], errors: [] };
    for (const part of GROUPINGS) {
      const query = verificationQuery(apiId, end, part);
      seeds.v1Verifications.push(await take(() => v1.getVerifications(query), part));
      seeds.v2Verifications.push(await take(() => v2.getVerifications(query), part));
    }
    const page004 = emulator.unkey.fixtures.hourly.token;
    const hourly = { apiId: 'api_123', start: 1_736_673_687_000, end: PAGE_004_NOW, externalId: 'user_123', groupBy: ['hour' as const] };
    seeds.v1Verifications.push(await take(() => new UnkeyV1Client({ baseUrl: v1BaseUrl, token: page004, http }).getVerifications(hourly), { groupBy: ['hour'] }));
    seeds.v1Keys.push(await take(() => v1.listKeys({ apiId, limit: 4 })));
    seeds.v2Keys.push(await take(() => v2.listKeys({ apiId, limit: 4 })));
    const wrong = 'unkey_wrong_root_key';
    seeds.errors.push(
      await take(() => new UnkeyV1Client({ baseUrl: v1BaseUrl, token: wrong, http }).listKeys({ apiId })),
      await take(() => new UnkeyV2Client({ baseUrl: v2BaseUrl, token: wrong, http }).getVerifications(verificationQuery(apiId, end, {}))),
      await take(() => v1.getVerifications(verificationQuery('api_doesNotExist', end, {}))),
      await take(() => v2.getVerifications(verificationQuery('api_doesNotExist', end, {}))),
      await take(() => v2.listKeys({ apiId: 'api_doesNotExist' })),
      ...[400, 429, 500, 503].map((status) => ({ status, body: emulator.unkey.errorBody(status) })),
    );
    return seeds;
  } finally {
    await http.close();
  }
}

/** The seed's own query most of the time, another grouping otherwise. */
function pickQuery(random: Random, note: unknown): VerificationQuery {
  const part = note !== undefined && random.chance(0.8) ? (note as Partial<VerificationQuery>) : random.pick(GROUPINGS);
  return verificationQuery('api_123', PAGE_004_NOW, part);
}

function pickListQuery(random: Random): ListKeysQuery {
  return random.pick<ListKeysQuery>([{ apiId: 'api_123' }, { apiId: 'api_123', limit: 4 }, { apiId: 'api_123', limit: 1, cursor: 'key_2zeYsLbpULnEUsvYeFGMeJzACp4j' }]);
}

export async function unkeyTargets(emulator: Emulator): Promise<FuzzTarget[]> {
  const token = emulator.config.unkey.token;
  const seeds = await emulatorSeeds(emulator);
  const v1 = (http: HttpClient): UnkeyV1Client => new UnkeyV1Client({ baseUrl: 'https://api.unkey.dev', token, http });
  const v2 = (http: HttpClient): UnkeyV2Client => new UnkeyV2Client({ baseUrl: 'https://api.unkey.com', token, http, now: () => PAGE_004_NOW });
  const page004 = PAGE_004_ROWS.map(({ query, body }) => ({ status: 200, body, note: query }));
  return [
    {
      name: 'Unkey v1/analytics.getVerifications',
      seeds: [...page004, ...seeds.v1Verifications, ...seeds.errors],
      call: (http, random, note) => v1(http).getVerifications(pickQuery(random, note)),
      secrets: [token],
    },
    {
      name: 'Unkey v1/apis.listKeys',
      seeds: [...seeds.v1Keys, ...seeds.errors],
      call: (http, random) => v1(http).listKeys(pickListQuery(random)),
      secrets: [token],
    },
    {
      name: 'Unkey v2/analytics.getVerifications',
      seeds: [...seeds.v2Verifications, ...seeds.errors],
      call: (http, random, note) => v2(http).getVerifications(pickQuery(random, note)),
      secrets: [token],
    },
    {
      name: 'Unkey v2/apis.listKeys',
      seeds: [...seeds.v2Keys, ...seeds.errors],
      call: (http, random) => v2(http).listKeys(pickListQuery(random)),
      secrets: [token],
    },
  ];
}
