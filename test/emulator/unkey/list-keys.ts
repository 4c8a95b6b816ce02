// Key listings: GET /v1/apis.listKeys and POST /v2/apis.listKeys, both paging by key id.
// v1 always returns the last key's id as `cursor`, so the page after the last one is empty;
// v2 looks one key ahead and reports `hasMore`, with a cursor only when there is more.
import { json, type EmulatorRequest, type EmulatorResponse } from '../vendor';
import { holdsAny } from './auth';
import { findApi, type UnkeyContext } from './context';
import { v1Error, v2Error } from './errors';
import type { ApiRecord, KeyRecord } from './model';
import { authorizeV1 } from './v1-verifications';
import { zodStyle } from './v1-params';

const MAX_LIMIT = 100;

function page(api: ApiRecord, limit: number, cursor: string | undefined, extra: number): KeyRecord[] {
  const from = cursor === undefined ? 0 : api.keys.findIndex((key) => key.id > cursor);
  return from < 0 ? [] : api.keys.slice(from, from + limit + extra);
}

export function handleV1ListKeys(context: UnkeyContext, request: EmulatorRequest): EmulatorResponse {
  const requestId = context.nextRequestId();
  const apiId = request.query.get('apiId');
  if (apiId === null) return v1Error('BAD_REQUEST', zodStyle('invalid_type', 'apiId', 'Required'), requestId);
  if (apiId === '') return v1Error('BAD_REQUEST', zodStyle('too_small', 'apiId', 'String must contain at least 1 character(s)'), requestId);
  const limitText = request.query.get('limit');
  const limit = limitText === null ? MAX_LIMIT : Number(limitText);
  const problem = limitProblem(limit);
  if (problem) return v1Error('BAD_REQUEST', zodStyle(problem[0], 'limit', problem[1]), requestId);
  const cursor = request.query.get('cursor') ?? undefined;
  const ownerId = request.query.get('ownerId') ?? undefined;
  const readKey = ['api.*.read_key', `api.${apiId}.read_key`];
  const auth = authorizeV1(context, request, requestId, readKey, ['api.*.read_api', `api.${apiId}.read_api`]);
  if ('status' in auth) return auth;
  const api = findApi(context, auth.workspaceId, apiId);
  if (!api) return v1Error('NOT_FOUND', `api ${apiId} not found`, requestId);
  const owned = ownerId === undefined ? api : { ...api, keys: api.keys.filter((key) => key.identity?.externalId === ownerId) };
  const keys = page(owned, limit, cursor, 0);
  return json(200, {
    keys: keys.map(v1Key),
    cursor: keys.at(-1)?.id,
    total: owned.keys.length,
  });
}

/** z.coerce.number().int().min(1).max(100), as [zod code, message]. */
function limitProblem(limit: number): [string, string] | undefined {
  if (Number.isNaN(limit)) return ['invalid_type', 'Expected number, received nan'];
  if (!Number.isInteger(limit)) return ['invalid_type', 'Expected integer, received float'];
  if (limit < 1) return ['too_small', 'Number must be greater than or equal to 1'];
  if (limit > MAX_LIMIT) return ['too_big', `Number must be less than or equal to ${MAX_LIMIT}`];
  return undefined;
}

export function v1Key(key: KeyRecord): Record<string, unknown> {
  return {
    id: key.id,
    start: key.start,
    workspaceId: key.workspaceId,
    apiId: key.apiId,
    name: key.name,
    ownerId: key.identity?.externalId,
    meta: key.meta,
    createdAt: key.createdAt,
    updatedAt: key.updatedAt,
    expires: key.expires,
    remaining: key.remaining,
    // v1 writes refillDay as null for daily refills (note 2 §3.1).
    refill: key.refill ? { ...key.refill, refillDay: key.refill.refillDay ?? null } : undefined,
    enabled: key.enabled,
    identity: key.identity ? { id: key.identity.id, externalId: key.identity.externalId, meta: key.identity.meta ?? {} } : undefined,
  };
}

interface V2ListKeysBody {
  apiId?: unknown;
  limit?: unknown;
  cursor?: unknown;
  externalId?: unknown;
}

export function handleV2ListKeys(context: UnkeyContext, request: EmulatorRequest): EmulatorResponse {
  const requestId = context.nextRequestId();
  const rootKey = context.rootKeys.find(request.headers);
  if (!rootKey) return v2Error(401, 'The provided root key is invalid. The requested key was not found.', requestId);
  let body: V2ListKeysBody;
  try {
    body = JSON.parse(request.body) as V2ListKeysBody;
  } catch {
    return v2Error(400, 'The request body is not valid JSON.', requestId, { errors: [{ location: 'body', message: 'invalid JSON' }] });
  }
  const invalid = (location: string, message: string): EmulatorResponse =>
    v2Error(400, 'POST request body for \'/v2/apis.listKeys\' failed to validate schema', requestId, { errors: [{ location, message }] });
  if (typeof body !== 'object' || body === null) return invalid('body', 'expected an object');
  if (typeof body.apiId !== 'string' || body.apiId.length < 3) return invalid('body.apiId', 'expected a string of at least 3 characters');
  const limit = body.limit === undefined ? MAX_LIMIT : body.limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return invalid('body.limit', 'expected an integer from 1 to 100');
  }
  if (body.cursor !== undefined && typeof body.cursor !== 'string') return invalid('body.cursor', 'expected a string');
  if (body.externalId !== undefined && typeof body.externalId !== 'string') return invalid('body.externalId', 'expected a string');
  const apiId = body.apiId;
  if (!holdsAny(rootKey, ['api.*.read_key', `api.${apiId}.read_key`])) {
    return v2Error(403, `Missing one of these permissions: [api.*.read_key, api.${apiId}.read_key]`, requestId);
  }
  const api = findApi(context, rootKey.workspaceId, apiId);
  if (!api) return v2Error(404, 'The requested API does not exist or has been deleted.', requestId);
  const externalId = body.externalId;
  const owned = externalId === undefined ? api : { ...api, keys: api.keys.filter((key) => key.identity?.externalId === externalId) };
  const keys = page(owned, limit, body.cursor, 1);
  const hasMore = keys.length > limit;
  const data = keys.slice(0, limit);
  return json(200, {
    meta: { requestId },
    data: data.map(v2Key),
    pagination: hasMore ? { cursor: data.at(-1)?.id, hasMore } : { hasMore },
  });
}

export function v2Key(key: KeyRecord): Record<string, unknown> {
  return {
    keyId: key.id,
    start: key.start,
    enabled: key.enabled,
    name: key.name,
    meta: key.meta,
    createdAt: key.createdAt,
    updatedAt: key.updatedAt,
    expires: key.expires,
    credits: key.remaining === undefined ? undefined : { remaining: key.remaining, refill: key.refill },
    identity: key.identity ? { id: key.identity.id, externalId: key.identity.externalId, meta: key.identity.meta ?? {} } : undefined,
    permissions: [],
    roles: [],
  };
}
