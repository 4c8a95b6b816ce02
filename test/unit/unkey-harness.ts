// Shared by the Unkey test files: raw calls that bypass the clients, and an
// oracle that works out v1 answers in plain TypeScript from the emulator's hourly rows.
import { zeroOutcomes, type Outcome, type VerificationSlice } from '../../src/vendors/model';
import type { GroupBy } from '../../src/vendors/unkey/types';
import type { Emulator } from '../emulator/server';
import type { UnkeyEmulator } from '../emulator/unkey/emulator';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** GET /unkey/v1/…?query with a Bearer token, no client in between. */
export async function rawGet(emulator: Emulator, path: string, query: string, token?: string): Promise<RawAnswer> {
  const response = await fetch(`${emulator.origin}/unkey${path}?${query}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

export async function rawPost(emulator: Emulator, path: string, body: unknown, token?: string): Promise<RawAnswer> {
  const response = await fetch(`${emulator.origin}/unkey${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

export interface HourRow {
  time: number;
  keyId: string;
  identityId: string;
  externalId: string;
  outcome: string;
  tags: string[];
  count: number;
}

/** Every hourly row of one API, straight from the store. */
export async function hourRows(unkey: UnkeyEmulator, workspaceId: string, keySpaceId: string): Promise<HourRow[]> {
  const result = await unkey.store.query<HourRow>(`
    SELECT toUnixTimestamp(time) * 1000 AS time, key_id AS keyId, identity_id AS identityId, external_id AS externalId,
      toString(outcome) AS outcome, tags, count
    FROM key_verifications_per_hour_v3
    WHERE workspace_id = '${workspaceId}' AND key_space_id = '${keySpaceId}'`);
  return result.rows;
}

const STORED: Record<string, Outcome> = {
  VALID: 'valid',
  RATE_LIMITED: 'rateLimited',
  USAGE_EXCEEDED: 'usageExceeded',
  DISABLED: 'disabled',
  EXPIRED: 'expired',
  FORBIDDEN: 'forbidden',
  UNAUTHORIZED: 'unauthorized',
  NOT_FOUND: 'notFound',
  INSUFFICIENT_PERMISSIONS: 'insufficientPermissions',
};

export function sliceOf(ms: number, granularity: 'hour' | 'day' | 'month'): number {
  if (granularity === 'hour') return Math.floor(ms / HOUR) * HOUR;
  if (granularity === 'day') return Math.floor(ms / DAY) * DAY;
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

export interface OracleQuery {
  start: number;
  /** Absent: everything after start (the emulator has no data after its `now`). */
  end?: number;
  externalId?: string;
  keyIds?: string[];
  tags?: string[];
  groupBy?: GroupBy[];
}

/**
 * The v1 answer as the seed pages describe it, without zero-filled slices and unordered: one slice per
 * (time slice, group) with data. Hours count from the start hour through the end hour; a day or month
 * counts when it holds such an hour.
 */
export function oracle(rows: readonly HourRow[], query: OracleQuery): VerificationSlice[] {
  const groupBy = query.groupBy ?? [];
  const granularity = groupBy.includes('month') ? 'month' : groupBy.includes('day') ? 'day' : groupBy.includes('hour') ? 'hour' : undefined;
  const unit = granularity ?? 'hour';
  const from = sliceOf(sliceOf(query.start, 'hour'), unit);
  const to = query.end === undefined ? Number.POSITIVE_INFINITY : sliceOf(sliceOf(query.end, 'hour'), unit);
  const slices = new Map<string, VerificationSlice>();
  for (const row of rows) {
    const slice = sliceOf(row.time, unit);
    if (slice < from || slice > to) continue;
    if (query.externalId !== undefined && row.externalId !== query.externalId) continue;
    if (query.keyIds?.length && !query.keyIds.includes(row.keyId)) continue;
    if (query.tags?.length && !row.tags.some((tag) => query.tags?.includes(tag))) continue;
    if (groupBy.includes('identity') && row.identityId === '') continue;
    const perTag = groupBy.includes('tag') ? row.tags.map((tag) => ({ tag })) : [{}];
    for (const extra of perTag) {
      const item: VerificationSlice = { outcomes: zeroOutcomes(), ...extra };
      if (granularity) item.time = slice;
      if (groupBy.includes('key')) item.keyId = row.keyId;
      if (groupBy.includes('identity')) item.identity = { id: row.identityId, externalId: row.externalId };
      if (groupBy.includes('tags')) item.tags = row.tags;
      const id = JSON.stringify([item.time, item.keyId, item.identity?.id, item.tags, item.tag]);
      const target = slices.get(id) ?? item;
      slices.set(id, target);
      const outcome = STORED[row.outcome];
      if (outcome) target.outcomes[outcome] += row.count;
      target.outcomes.total += row.count;
    }
  }
  return [...slices.values()];
}

/** Slices without the all-zero ones, in a canonical order, for comparing as sets. */
export function canonical(slices: readonly VerificationSlice[]): VerificationSlice[] {
  const key = (slice: VerificationSlice): string =>
    JSON.stringify([slice.time ?? 0, slice.keyId ?? '', slice.identity?.id ?? '', slice.tags ?? [], slice.tag ?? '']);
  return slices.filter((slice) => slice.outcomes.total > 0).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
