// GET /v1/keys.getKey?keyId=: one key as a bare object, with its apiId (note 2 §3.1). Needs `*`,
// api.*.read_key or api.<apiId>.read_key; an unknown key is 404 "key <keyId> not found".
import type { HttpClient } from '../../http/client';
import type { RequestContext } from '../../http/errors';
import { parseJsonBody, validate } from '../../http/json';
import type { ApiKey } from '../model';
import { getKeyError } from './get-key-errors';
import { checkKeyId } from './key-id';
import { bearerHeader, unkeyEndpointUrl } from './unkey-url';
import { toApiKey } from './v1-mapping';
import { v1KeySchema } from './v1-schemas';

const GET_KEY: RequestContext = { vendor: 'unkey', endpoint: 'v1/keys.getKey' };

export async function getKeyV1(http: HttpClient, baseUrl: string, token: string, keyId: string, signal?: AbortSignal): Promise<ApiKey> {
  const id = checkKeyId(GET_KEY, keyId);
  const url = unkeyEndpointUrl(GET_KEY, baseUrl, 'v1/keys.getKey');
  url.search = new URLSearchParams({ keyId: id }).toString();
  const response = await http.send({
    context: GET_KEY,
    method: 'GET',
    url,
    headers: { authorization: bearerHeader(GET_KEY, token), accept: 'application/json' },
    signal,
  });
  if (response.status < 200 || response.status > 299) throw getKeyError('v1', GET_KEY, response, token);
  return toApiKey(validate(GET_KEY, v1KeySchema, parseJsonBody(GET_KEY, response)));
}
