// POST /v2/keys.getKey {keyId}: one key's configuration, the same KeyResponseData listKeys returns
// (note 2 §1.1). Needs api.*.read_key or api.<apiId>.read_key; an unknown or deleted key is a 404.
import * as z from 'zod/mini';
import type { HttpClient } from '../../http/client';
import type { RequestContext } from '../../http/errors';
import { parseJsonBody, validate } from '../../http/json';
import type { ApiKey } from '../model';
import { getKeyError } from './get-key-errors';
import { checkKeyId } from './key-id';
import { toApiKey } from './list-keys-v2';
import { v2KeySchema } from './list-keys-v2-schemas';
import { bearerHeader, unkeyEndpointUrl } from './unkey-url';

const GET_KEY: RequestContext = { vendor: 'unkey', endpoint: 'v2/keys.getKey' };

const getKeyResponseSchema = z.object({
  meta: z.optional(z.object({ requestId: z.string() })),
  data: v2KeySchema,
});

export async function getKeyV2(http: HttpClient, baseUrl: string, token: string, keyId: string, signal?: AbortSignal): Promise<ApiKey> {
  const id = checkKeyId(GET_KEY, keyId);
  const response = await http.send({
    context: GET_KEY,
    method: 'POST',
    url: unkeyEndpointUrl(GET_KEY, baseUrl, 'v2/keys.getKey'),
    headers: { authorization: bearerHeader(GET_KEY, token), 'content-type': 'application/json', accept: 'application/json' },
    // Never `decrypt`: Keyscope has no use for a key's plaintext.
    body: JSON.stringify({ keyId: id }),
    signal,
  });
  if (response.status < 200 || response.status > 299) throw getKeyError('v2', GET_KEY, response, token);
  const body = validate(GET_KEY, getKeyResponseSchema, parseJsonBody(GET_KEY, response));
  return toApiKey(body.data);
}
