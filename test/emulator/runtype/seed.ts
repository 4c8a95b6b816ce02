// Deterministic Runtype accounts: API keys that are active, expired or switched off, some never used.
import { createRandom, type Random } from '../random';
import type { SeedOptions } from '../scale';

/** One stored Runtype API key. `isActive` on the wire is derived from `enabled` and `expiresAt` (see isActiveAt). */
export interface RuntypeKeyRecord {
  id: string;
  name: string;
  keyPrefix: string;
  permissions: string[];
  /** The owner's on/off switch; an expired key stays switched on but is not active. */
  enabled: boolean;
  /** Unix ms, whole seconds; null when the key never expires / was never used. */
  expiresAt: number | null;
  lastUsedAt: number | null;
  createdAt: number;
  updatedAt: number;
  maskedKey: string;
  isTestKey: boolean;
}

/** Expired: has an expiry at or before `now` — whether or not it is switched on. */
export function isExpiredAt(key: RuntypeKeyRecord, now: number): boolean {
  return key.expiresAt !== null && key.expiresAt <= now;
}

/** Active: switched on and not expired. So an expired key reports `isActive: false`, as in the docs example. */
export function isActiveAt(key: RuntypeKeyRecord, now: number): boolean {
  return key.enabled && !isExpiredAt(key, now);
}

const SECOND = 1000;
const HOUR = 3_600 * SECOND;
const DAY = 24 * HOUR;

const PERMISSIONS = [
  'flows:read',
  'flows:write',
  'flows:execute',
  'prompts:read',
  'prompts:write',
  'records:read',
  'records:write',
  'api-keys:read',
] as const;

const NAMES = [
  'Production Server',
  'Staging Server',
  'CI Pipeline',
  'Mobile App',
  'Web Frontend',
  'Data Export Job',
  'Partner Integration',
  'Local Development',
  'Support Dashboard',
  'Nightly Batch',
] as const;

const PREFIX_FAMILIES = ['runtype_', 'rt_live_', 'rt_test_'] as const;

type Kind = 'active' | 'expired' | 'disabled';
// The first keys cover every kind, so even a tiny scale has each; the rest are drawn at random.
const FIRST_KINDS: readonly Kind[] = ['active', 'expired', 'disabled', 'active'];

export function seedRuntypeKeys(options: SeedOptions): RuntypeKeyRecord[] {
  // A stream of its own, so other vendors' seeding never shifts Runtype's data.
  const random = createRandom((options.seed ^ 0x52_55_4e_54) >>> 0);
  const keys: RuntypeKeyRecord[] = [];
  for (let index = 0; index < options.scale.runtypeKeys; index++) {
    keys.push(seedKey(random, index, options.now));
  }
  return keys;
}

function seedKey(random: Random, index: number, now: number): RuntypeKeyRecord {
  const kind = FIRST_KINDS[index] ?? pickKind(random);
  const createdAt = wholeSeconds(now - 2 * DAY - random.int(0, 400 * DAY));
  const family = random.pick(PREFIX_FAMILIES);
  const keyPrefix = family + (family === 'runtype_' ? digits(random, 4) : base36(random, 4));
  const expiresAt = seedExpiry(random, kind, createdAt, now);
  // Index 3 is an active key that was never used; others are never used one time in five.
  const neverUsed = index === 3 || (index > 3 && random.chance(0.2));
  const lastUseBound = Math.min(now, expiresAt ?? now);
  const lastUsedAt = neverUsed ? null : wholeSeconds(random.int(createdAt, lastUseBound - SECOND));
  return {
    id: uuid(random),
    name: `${random.pick(NAMES)} ${index + 1}`,
    keyPrefix,
    permissions: PERMISSIONS.filter((_, position) => position === 0 || random.chance(0.4)),
    enabled: kind !== 'disabled',
    expiresAt,
    lastUsedAt,
    createdAt,
    updatedAt: wholeSeconds(random.int(createdAt, now)),
    maskedKey: `${keyPrefix}${'*'.repeat(24)}${base36(random, 4)}`,
    isTestKey: family === 'rt_test_',
  };
}

function pickKind(random: Random): Kind {
  const roll = random.next();
  return roll < 0.6 ? 'active' : roll < 0.8 ? 'expired' : 'disabled';
}

function seedExpiry(random: Random, kind: Kind, createdAt: number, now: number): number | null {
  if (kind === 'expired') return wholeSeconds(random.int(createdAt + DAY, now - HOUR));
  return random.chance(0.5) ? null : wholeSeconds(now + random.int(DAY, 365 * DAY));
}

function wholeSeconds(ms: number): number {
  return Math.floor(ms / SECOND) * SECOND;
}

function digits(random: Random, count: number): string {
  return Array.from({ length: count }, () => String(random.int(0, 9))).join('');
}

function base36(random: Random, count: number): string {
  return Array.from({ length: count }, () => random.int(0, 35).toString(36)).join('');
}

function hex(random: Random, count: number): string {
  return Array.from({ length: count }, () => random.int(0, 15).toString(16)).join('');
}

/** Shaped like a version-4 UUID (the docs' ids are UUIDs). */
function uuid(random: Random): string {
  const variant = random.pick(['8', '9', 'a', 'b']);
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${variant}${hex(random, 3)}-${hex(random, 12)}`;
}
