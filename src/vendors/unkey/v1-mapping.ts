// v1 JSON → the vendor-neutral model.
import { outcomeCounts, type ApiKey, type VerificationSlice } from '../model';
import type { V1Key, V1VerificationRow } from './v1-schemas';
import { v1Credits } from './credits-mapping';

export function toVerificationSlice(row: V1VerificationRow): VerificationSlice {
  const slice: VerificationSlice = { outcomes: outcomeCounts(row) };
  if (row.time !== undefined) slice.time = row.time;
  // Zero-filled slices of a grouped series carry empty group values ("keyId": ""): no group at all.
  if (row.keyId) slice.keyId = row.keyId;
  if (row.identity?.id) slice.identity = { id: row.identity.id, externalId: row.identity.externalId ?? '' };
  if (row.tag) slice.tag = row.tag;
  if (row.tags !== undefined) slice.tags = row.tags;
  return slice;
}

export function toApiKey(key: V1Key, apiId?: string): ApiKey {
  const apiKey: ApiKey = { vendor: 'unkey', keyId: key.id, enabled: key.enabled ?? true };
  const scopeId = key.apiId ?? apiId;
  if (scopeId !== undefined) apiKey.scopeId = scopeId;
  if (key.name !== undefined) apiKey.name = key.name;
  if (key.start !== undefined) apiKey.start = key.start;
  if (key.createdAt !== undefined) apiKey.createdAt = key.createdAt;
  if (key.expires !== undefined) apiKey.expiresAt = key.expires;
  if (key.identity) apiKey.identity = { id: key.identity.id, externalId: key.identity.externalId };
  const credits = v1Credits(key.remaining, key.refill);
  if (credits) apiKey.credits = credits;
  return apiKey;
}
