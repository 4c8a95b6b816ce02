// The seeded workspace: APIs with their key spaces, keys and identities, all from the seeded PRNG.
// Verification rows are generated from these records inside ClickHouse (see seed-verifications.ts).
import { createRandom, type Random } from '../random';
import type { SeedOptions } from '../scale';
import { randomId } from './ids';
import type { ApiRecord, IdentityRecord, KeyRecord, WorkspaceRecord } from './model';

const DAY_MS = 86_400_000;
const API_NAMES = ['production', 'staging', 'internal-tools', 'partners', 'mobile', 'sandbox'];
const KEY_NAMES = ['CI pipeline', 'Mobile app', 'Web dashboard', 'Data export', 'Partner sync', 'Billing worker'];
const PREFIXES = ['sk_live', 'sk_test', 'pk_live'];

export function seedWorkspace(options: SeedOptions): WorkspaceRecord {
  const random = createRandom(options.seed * 7919 + 17);
  const workspaceId = randomId(random, 'ws', 16);
  const identities = seedIdentities(random, Math.max(4, Math.ceil(options.scale.unkeyKeys / 6)));
  const apis: ApiRecord[] = [];
  for (let index = 0; index < options.scale.unkeyApis; index++) {
    const id = randomId(random, 'api', 16);
    const keySpaceId = randomId(random, 'ks', 16);
    const name = API_NAMES[index % API_NAMES.length] ?? `api-${index}`;
    // The first API is the largest; the others get a third, a fifth… of its keys.
    const count = index === 0 ? options.scale.unkeyKeys : Math.max(5, Math.floor(options.scale.unkeyKeys / (2 * index + 1)));
    const api: ApiRecord = { id, name, keySpaceId, workspaceId, keys: [] };
    for (let k = 0; k < count; k++) api.keys.push(seedKey(random, api, identities, options.now));
    api.keys.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    apis.push(api);
  }
  return { id: workspaceId, apis, identities };
}

function seedIdentities(random: Random, count: number): IdentityRecord[] {
  const identities: IdentityRecord[] = [];
  for (let i = 0; i < count; i++) {
    const identity: IdentityRecord = { id: randomId(random, 'id', 16), externalId: `user_${randomId(random, 'x', 10).slice(2)}` };
    if (random.chance(0.3)) identity.meta = { plan: random.pick(['free', 'pro', 'enterprise']) };
    identities.push(identity);
  }
  return identities;
}

function seedKey(random: Random, api: ApiRecord, identities: readonly IdentityRecord[], now: number): KeyRecord {
  const createdAt = now - random.int(1, 400) * DAY_MS - random.int(0, DAY_MS - 1);
  const key: KeyRecord = {
    id: randomId(random, 'key'),
    start: `${random.pick(PREFIXES)}_${randomId(random, 'x', 4).slice(2)}`,
    apiId: api.id,
    keySpaceId: api.keySpaceId,
    workspaceId: api.workspaceId,
    enabled: random.chance(0.9),
    createdAt,
    // Pareto-ish: most keys are quiet, a few carry most of the traffic.
    weight: Math.min(40, 1 / Math.max(0.025, random.next() ** 1.6)),
  };
  if (random.chance(0.75)) key.name = `${random.pick(KEY_NAMES)} ${random.int(1, 99)}`;
  if (random.chance(0.25)) key.meta = { team: random.pick(['core', 'growth', 'platform']), tier: random.int(1, 3) };
  if (random.chance(0.3)) key.updatedAt = createdAt + random.int(1, 30) * DAY_MS;
  if (random.chance(0.2)) key.expires = now + random.int(-30, 120) * DAY_MS + random.int(0, DAY_MS - 1);
  if (random.chance(0.3)) {
    key.remaining = random.int(0, 5000);
    if (random.chance(0.5)) key.refill = { interval: random.pick(['daily', 'monthly'] as const), amount: random.int(100, 10_000) };
    // The day of its creation; drawn from no random stream, so the rest of the seed stays as it was.
    if (key.refill?.interval === 'monthly') key.refill.refillDay = new Date(createdAt).getUTCDate();
  }
  if (random.chance(0.6)) key.identity = random.pick(identities);
  if (!key.enabled) key.disabledAt = now - random.int(0, 20) * DAY_MS - random.int(0, DAY_MS - 1);
  return key;
}
