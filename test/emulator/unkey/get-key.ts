// One key by id: POST /v2/keys.getKey (U svc/api/routes/v2_keys_get_key/handler.go) and
// GET /v1/keys.getKey (U1 apps/api/src/routes/v1_keys_getKey.ts), each in its handler's order:
// v2 authenticates, validates the body, finds the live key (404), checks its workspace (404), then
// the permission (403); v1 validates the query, finds the key (404) before authenticating, then
// checks the permission (403) and the workspace (404).
import { json, type EmulatorRequest, type EmulatorResponse } from '../vendor';
import { holdsAny } from './auth';
import type { UnkeyContext } from './context';
import { v1Error, v2Error } from './errors';
import { v1Key, v2Key } from './list-keys';
import type { KeyRecord } from './model';
import { authorizeV1 } from './v1-verifications';
import { zodStyle } from './v1-params';

const KEY_NOT_FOUND_TYPE = 'https://unkey.com/docs/errors/unkey/data/key_not_found';
const KEY_ID = /^[a-zA-Z0-9_]+$/;
const BODY_FIELDS = new Set(['keyId', 'decrypt']);

/** The live key with this id in any workspace (the emulator deletes no keys). */
function findKey(context: UnkeyContext, keyId: string): KeyRecord | undefined {
  for (const workspace of context.workspaces.values()) {
    for (const api of workspace.apis) {
      const key = api.keys.find((candidate) => candidate.id === keyId);
      if (key) return key;
    }
  }
  return undefined;
}

export function handleV2GetKey(context: UnkeyContext, request: EmulatorRequest): EmulatorResponse {
  const requestId = context.nextRequestId();
  const rootKey = context.rootKeys.find(request.headers);
  if (!rootKey) return v2Error(401, 'The provided root key is invalid. The requested key was not found.', requestId);
  let body: unknown;
  try {
    body = JSON.parse(request.body) as unknown;
  } catch {
    return v2Error(400, 'The request body is not valid JSON.', requestId, { errors: [{ location: 'body', message: 'invalid JSON' }] });
  }
  const invalid = (location: string, message: string): EmulatorResponse =>
    v2Error(400, "POST request body for '/v2/keys.getKey' failed to validate schema", requestId, { errors: [{ location, message }] });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid('body', 'expected an object');
  const fields = body as Record<string, unknown>;
  // additionalProperties: false — e.g. the spec example's `key`, which the schema forbids.
  const extra = Object.keys(fields).find((name) => !BODY_FIELDS.has(name));
  if (extra !== undefined) return invalid(`body.${extra.slice(0, 40)}`, 'additional properties are not allowed');
  const { keyId, decrypt } = fields;
  if (typeof keyId !== 'string') return invalid('body.keyId', 'expected a string');
  if (keyId.length < 3 || keyId.length > 255) return invalid('body.keyId', 'expected a string of 3 to 255 characters');
  if (!KEY_ID.test(keyId)) return invalid('body.keyId', 'expected letters, digits and underscores only');
  if (decrypt !== undefined && typeof decrypt !== 'boolean') return invalid('body.decrypt', 'expected a boolean');

  const key = findKey(context, keyId);
  if (!key) return v2Error(404, 'We could not find the requested key.', requestId, { type: KEY_NOT_FOUND_TYPE });
  if (key.workspaceId !== rootKey.workspaceId) return v2Error(404, 'The specified key was not found.', requestId, { type: KEY_NOT_FOUND_TYPE });
  const readKey = ['api.*.read_key', `api.${key.apiId}.read_key`];
  if (!holdsAny(rootKey, readKey)) return v2Error(403, `Missing one of these permissions: [${readKey.join(', ')}]`, requestId);
  if (decrypt === true) {
    const decryptKey = ['api.*.decrypt_key', `api.${key.apiId}.decrypt_key`];
    if (!holdsAny(rootKey, decryptKey)) return v2Error(403, `Missing one of these permissions: [${decryptKey.join(', ')}]`, requestId);
    // No emulated API stores encrypted keys.
    return v2Error(412, 'The API for this key does not support key encryption.', requestId, {
      title: 'Precondition Failed',
      type: 'https://unkey.com/docs/errors/unkey/application/precondition_failed',
    });
  }
  return json(200, { meta: { requestId }, data: v2Key(key) });
}

export function handleV1GetKey(context: UnkeyContext, request: EmulatorRequest): EmulatorResponse {
  const requestId = context.nextRequestId();
  const keyId = request.query.get('keyId');
  if (keyId === null) return v1Error('BAD_REQUEST', zodStyle('invalid_type', 'keyId', 'Required'), requestId);
  if (keyId === '') return v1Error('BAD_REQUEST', zodStyle('too_small', 'keyId', 'String must contain at least 1 character(s)'), requestId);
  const notFound = (): EmulatorResponse => v1Error('NOT_FOUND', `key ${keyId} not found`, requestId);
  const key = findKey(context, keyId);
  if (!key) return notFound();
  const auth = authorizeV1(context, request, requestId, ['*', 'api.*.read_key', `api.${key.apiId}.read_key`]);
  if ('status' in auth) return auth;
  if (key.workspaceId !== auth.workspaceId) return notFound();
  // z.coerce.boolean(): any non-empty value is true.
  const decrypt = request.query.get('decrypt');
  if (decrypt !== null && decrypt !== '') {
    const rootKey = context.rootKeys.find(request.headers);
    if (!rootKey || !holdsAny(rootKey, ['*', 'api.*.decrypt_key', `api.${key.apiId}.decrypt_key`])) {
      return v1Error('UNAUTHORIZED', "you're not allowed to decrypt this key", requestId);
    }
  }
  // getKey names permissions and roles (listKeys would give slugs); emulated keys have none.
  return json(200, { ...v1Key(key), roles: [], permissions: [] });
}
