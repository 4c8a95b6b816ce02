// What "recent verifications" asks for, checked before any query is spent: one key's raw verification
// rows, newest first, a page at a time. Pages are cut by a keyset cursor — the (time, request_id) of the
// last row shown — rather than OFFSET, so rows arriving meanwhile never shift a page, and a page costs
// the same however far back it is.
import { InvalidRequestError, type RequestContext } from '../../http/errors';
import { isUnkeyApiId } from './api-id';

export const RECENT_DEFAULT_LIMIT = 100;
export const RECENT_MAX_LIMIT = 1000;

// Unkey key ids (keys.getKey: 3–255 characters of [a-zA-Z0-9_]).
const KEY_ID = /^[A-Za-z0-9_]{3,255}$/;
const CURSOR = /^(\d{1,16})\.([\s\S]{1,255})$/;

export interface RecentVerificationsQuery {
  /** The nextCursor of the previous page: rows older than its last row. */
  before?: string;
  /** 1..1000; default 100. */
  limit?: number;
  /** The key's API, which lets ClickHouse skip other key spaces; optional. */
  apiId?: string;
}

/** A row position in (time, request_id) order. */
export interface VerificationCursor {
  time: number;
  requestId: string;
}

export interface CheckedRecentQuery {
  keyId: string;
  apiId: string | undefined;
  limit: number;
  before: VerificationCursor | undefined;
}

export function checkRecentQuery(context: RequestContext, keyId: string, query: RecentVerificationsQuery): CheckedRecentQuery {
  const fail = (detail: string): never => {
    throw new InvalidRequestError(context, detail);
  };
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId)) fail('keyId must be an Unkey key id (letters, digits and _, 3 to 255 characters)');
  const limit = query.limit ?? RECENT_DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > RECENT_MAX_LIMIT) fail(`limit must be an integer from 1 to ${RECENT_MAX_LIMIT}: ${String(limit)}`);
  if (query.apiId !== undefined && (typeof query.apiId !== 'string' || !isUnkeyApiId(query.apiId))) fail('apiId must be an Unkey API id (api_…)');
  let before: VerificationCursor | undefined;
  if (query.before !== undefined) before = decodeCursor(query.before) ?? fail('before is not a cursor this client gave out');
  return { keyId, apiId: query.apiId, limit, before };
}

export function encodeCursor(cursor: VerificationCursor): string {
  return `${cursor.time}.${cursor.requestId}`;
}

function decodeCursor(text: unknown): VerificationCursor | undefined {
  if (typeof text !== 'string') return undefined;
  const match = CURSOR.exec(text);
  const time = Number(match?.[1]);
  return match && Number.isSafeInteger(time) ? { time, requestId: match[2] ?? '' } : undefined;
}
