// POST /v2/apis.listKeys: one page of an API's keys. The v2 client (v2-client.ts) delegates to it.
import * as l10n from '@vscode/l10n';
import type { HttpClient } from '../../http/client';
import { AuthenticationError, redact, ResponseFormatError, type RequestContext } from '../../http/errors';
import { parseJsonBody, validate } from '../../http/json';
import { tryParseJson } from '../../text/try-parse-json';
import { plainText } from '../../text/untrusted';
import type { ApiKey, Page } from '../model';
import { checkListKeys } from './query-checks';
import type { ListKeysQuery } from './types';
import { bearerHeader, unkeyEndpointUrl } from './unkey-url';
import { v2ListKeysSchema, type V2Key } from './list-keys-v2-schemas';
import { v2Credits } from './credits-mapping';
import { unkeyV2Error } from './v2-errors';
import { v2ErrorSchema } from './v2-schemas';

const LIST_KEYS: RequestContext = { vendor: 'unkey', endpoint: 'v2/apis.listKeys' };

export async function listKeysV2(
  http: HttpClient,
  baseUrl: string,
  token: string,
  query: ListKeysQuery,
  signal?: AbortSignal,
): Promise<Page<ApiKey>> {
  const { apiId, limit, cursor: asked } = checkListKeys(LIST_KEYS, query);
  const body: Record<string, unknown> = { apiId, limit };
  if (asked !== undefined) body.cursor = asked;
  const response = await http.send({
    context: LIST_KEYS,
    method: 'POST',
    url: unkeyEndpointUrl(LIST_KEYS, baseUrl, 'v2/apis.listKeys'),
    headers: { authorization: bearerHeader(LIST_KEYS, token), 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  if (response.status === 403) {
    const detail = forbiddenDetail(response.text, token);
    if (detail !== undefined) throw new AuthenticationError(LIST_KEYS, detail, 403, 'FORBIDDEN');
  }
  if (response.status < 200 || response.status > 299) throw unkeyV2Error(LIST_KEYS, response, token);
  const page = validate(LIST_KEYS, v2ListKeysSchema, parseJsonBody(LIST_KEYS, response));
  const items = page.data.map((key) => toApiKey(key, apiId));
  const cursor = page.pagination?.cursor;
  if (!page.pagination?.hasMore) return { items };
  if (cursor === undefined || cursor === '') throw new ResponseFormatError(LIST_KEYS, 'hasMore is true but no cursor was given');
  if (cursor === asked) throw new ResponseFormatError(LIST_KEYS, 'the cursor did not move: paging would never end');
  return { items, nextCursor: cursor };
}

/** KeyResponseData → ApiKey; keys.getKey does not say the API, so `apiId` may be unknown. */
export function toApiKey(key: V2Key, apiId?: string): ApiKey {
  const apiKey: ApiKey = { vendor: 'unkey', keyId: key.keyId, enabled: key.enabled, createdAt: key.createdAt };
  if (apiId !== undefined) apiKey.scopeId = apiId;
  if (key.name !== undefined) apiKey.name = key.name;
  if (key.start !== undefined) apiKey.start = key.start;
  if (key.expires !== undefined) apiKey.expiresAt = key.expires;
  if (key.lastUsedAt !== undefined) apiKey.lastUsedAt = key.lastUsedAt;
  if (key.identity) apiKey.identity = { id: key.identity.id, externalId: key.identity.externalId };
  const credits = v2Credits(key.credits);
  if (credits) apiKey.credits = credits;
  return apiKey;
}

/** A 403 names the permission listing needs (read_key), which the analytics mapping would not. */
function forbiddenDetail(text: string, token: string): string | undefined {
  const data = tryParseJson(text);
  const parsed = v2ErrorSchema.safeParse(data);
  if (!parsed.success) return undefined;
  // The error bounds and flattens the whole detail; the vendor's part is cut first so the permission stays readable.
  const said = plainText(redact(parsed.data.error.detail ?? parsed.data.error.title ?? 'forbidden', [token]), 300);
  const named = said.match(/\bapi\.[\w*-]+\.read_key\b/g);
  const permission = named ? [...new Set(named)].join(' or ') : 'api.*.read_key';
  return l10n.t('the root key lacks the permission {0}: {1}', permission, said);
}
