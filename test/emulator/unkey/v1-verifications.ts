// GET /v1/analytics.getVerifications (seed pages 002 and 004): checks, root-key auth, the API and
// identity lookups, then the ClickHouse query of v1-sql.ts over the aggregate tables.
import { json, type EmulatorRequest, type EmulatorResponse } from '../vendor';
import { holdsAny } from './auth';
import { findApi, findIdentity, type UnkeyContext } from './context';
import { v1Error } from './errors';
import { buildV1Sql } from './v1-sql';
import { parseV1VerificationParams } from './v1-params';

interface V1Row {
  time?: string;
  valid: number;
  notFound: number;
  forbidden: number;
  usageExceeded: number;
  rateLimited: number;
  unauthorized: number;
  disabled: number;
  insufficientPermissions: number;
  expired: number;
  total: number;
  keyId?: string;
  identityId?: string;
  tags?: string[];
  tag?: string;
}

export async function handleV1Verifications(context: UnkeyContext, request: EmulatorRequest): Promise<EmulatorResponse> {
  const requestId = context.nextRequestId();
  const parsed = parseV1VerificationParams(request.query, context.now);
  if (!parsed.ok) return v1Error('BAD_REQUEST', parsed.message, requestId);
  const params = parsed.value;
  if (params.start >= params.end) return v1Error('BAD_REQUEST', 'start cannot be equal or greater than end', requestId);
  if (params.groupBy.includes('tag') && params.groupBy.includes('tags')) {
    return v1Error('BAD_REQUEST', 'You can not group by tag and tags at the same time', requestId);
  }

  const auth = authorizeV1(context, request, requestId, [`api.*.read_api`, `api.${params.apiId}.read_api`]);
  if ('status' in auth) return auth;
  const api = findApi(context, auth.workspaceId, params.apiId);
  if (!api) return v1Error('NOT_FOUND', "we're unable to find the API", requestId);
  let identityId: string | undefined;
  if (params.externalId !== undefined) {
    const identity = findIdentity(context, auth.workspaceId, { externalId: params.externalId });
    if (!identity) return v1Error('NOT_FOUND', "we're unable to find the identity", requestId);
    identityId = identity.id;
  }

  const sql = buildV1Sql(params, { workspaceId: auth.workspaceId, keySpaceId: api.keySpaceId, identityId });
  let rows: V1Row[];
  try {
    rows = (await context.store.query<V1Row>(sql)).rows;
  } catch {
    return v1Error('INTERNAL_SERVER_ERROR', 'unable to query clickhouse', requestId);
  }
  return json(
    200,
    rows.map((row) => {
      const identity = row.identityId ? findIdentity(context, auth.workspaceId, { id: row.identityId }) : undefined;
      return {
        time: row.time === undefined ? undefined : toUnixMs(row.time),
        valid: row.valid,
        notFound: row.notFound,
        forbidden: row.forbidden,
        usageExceeded: row.usageExceeded,
        rateLimited: row.rateLimited,
        unauthorized: row.unauthorized,
        disabled: row.disabled,
        insufficientPermissions: row.insufficientPermissions,
        expired: row.expired,
        total: row.total,
        keyId: row.keyId,
        tag: row.tag,
        tags: row.tags,
        identity: row.identityId ? { id: row.identityId, externalId: identity?.externalId } : undefined,
      };
    }),
  );
}

/**
 * v1 root-key auth: a missing or unknown key is 403 UNAUTHORIZED (v1 practically never sent 401); the
 * key must hold one permission of each list ("*" holds all).
 */
export function authorizeV1(
  context: UnkeyContext,
  request: EmulatorRequest,
  requestId: string,
  anyOf: readonly string[],
  ...andAnyOf: (readonly string[])[]
): { workspaceId: string } | EmulatorResponse {
  if (!request.headers.authorization) return v1Error('UNAUTHORIZED', 'key required', requestId);
  const rootKey = context.rootKeys.find(request.headers);
  if (!rootKey) return v1Error('UNAUTHORIZED', 'key not found', requestId);
  for (const wanted of [anyOf, ...andAnyOf]) {
    if (!holdsAny(rootKey, wanted)) {
      return v1Error('FORBIDDEN', `insufficient permissions: this root key needs one of ${wanted.join(', ')}`, requestId);
    }
  }
  return { workspaceId: rootKey.workspaceId };
}

/** "2025-01-12 09:00:00" (DateTime) or "2025-01-12" (Date), both UTC, to Unix ms. */
function toUnixMs(text: string): number {
  return Date.parse(text.length === 10 ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}Z`);
}
