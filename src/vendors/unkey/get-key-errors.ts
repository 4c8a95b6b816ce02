// keys.getKey refusals: a 403 is the root key lacking read_key (not read_analytics, which the shared
// v1/v2 mappings name), raised as MissingPermissionError; every other answer maps as usual.
import type { HttpResponse } from '../../http/client';
import { AuthenticationError, type RequestContext } from '../../http/errors';
import { MissingPermissionError } from '../../http/missing-permission-error';
import { unkeyV1Error } from './v1-errors';
import { unkeyV2Error } from './v2-errors';

/** Any one of these lets a root key read a key (api.<apiId>.read_key for that key's API). */
export const READ_KEY_PERMISSION = 'api.*.read_key';

export function getKeyError(version: 'v1' | 'v2', context: RequestContext, response: HttpResponse, token: string): Error {
  const error = version === 'v1' ? unkeyV1Error(context, response, token) : unkeyV2Error(context, response, token);
  const refused = response.status === 403 && error instanceof AuthenticationError && error.code !== 'UNAUTHORIZED';
  if (!refused) return error;
  const named = error.vendorMessage.match(/\bapi\.[\w*-]+\.read_key\b/g);
  const permission = named ? [...new Set(named)].join(' or ') : READ_KEY_PERMISSION;
  return new MissingPermissionError(context, permission, vendorWords(error.vendorMessage), 403, error.code);
}

/** The shared mappings prefix their own "the root key lacks …"; keep only what Unkey said. */
function vendorWords(message: string): string {
  return message.replace(/^the root key lacks the permission [^:]*: /, '');
}
