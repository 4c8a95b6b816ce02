// What an Unkey key id looks like to keys.getKey (V2KeysGetKeyRequestBody: 3–255 characters of
// letters, digits and "_"): checked before sending, so a wrong id is named here, not by a 400.
import { InvalidRequestError, type RequestContext } from '../../http/errors';

const KEY_ID = /^[a-zA-Z0-9_]{3,255}$/;

export function checkKeyId(context: RequestContext, keyId: unknown): string {
  if (typeof keyId !== 'string' || keyId === '') throw new InvalidRequestError(context, 'keyId is required');
  if (!KEY_ID.test(keyId)) {
    // Not echoed: whatever was pasted in place of an id could be a secret.
    throw new InvalidRequestError(context, 'keyId must be 3 to 255 letters, digits or "_" (e.g. key_2zeYsLbpULnEUsvYeFGMeJzACp4j)');
  }
  return keyId;
}
