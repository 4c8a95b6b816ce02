// v1 JSON → the vendor-neutral model.
import type { ApiKey, OutcomeCounts, VerificationSlice } from '../model';
import type { V1Key, V1VerificationRow } from './v1-schemas';
import { v1Credits } from './credits-mapping';

export function toVerificationSlice(row: V1VerificationRow): VerificationSlice {
  const outcomes: OutcomeCounts = {
    valid: row.valid ?? 0,
    rateLimited: row.rateLimited ?? 0,
    usageExceeded: row.usageExceeded ?? 0,
    disabled: row.disabled ?? 0,
    expired: row.expired ?? 0,
    forbidden: row.forbidden ?? 0,
    unauthorized: row.unauthorized ?? 0,
    notFound: row.notFound ?? 0,
    insufficientPermissions: row.insufficientPermissions ?? 0,
    total: row.total,
  };
  const slice: VerificationSlice = { outcomes };
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
