// key/GetKey and product/GetKeys are read-only methods a token must enable one by one; "Access
// denied." then means the token lacks that method (CL:Auth; note 2 §5). It becomes a
// MissingPermissionError naming it, so a surface can say once which permission would add status.
// With HTTP 401 it is the token itself that was not accepted: that stays an AuthenticationError.
import type * as z from 'zod/mini';
import type { HttpResponse } from '../../http/client';
import { AuthenticationError, NotFoundError, VendorError, type RequestContext } from '../../http/errors';
import { MissingPermissionError } from '../../http/missing-permission-error';
import { readResponse } from './errors';

/** A key-locked token asking for another key (Cryptolens's error table; fixed by Key Lock = -1). */
export const KEY_LOCK_MESSAGE = 'Not enough permission and/or key not found.';

export type LicensePermission = 'GetKey' | 'GetKeys';

export function readLicenseResponse<S extends z.ZodMiniType>(
  context: RequestContext,
  response: HttpResponse,
  schema: S,
  secrets: readonly string[],
  permission: LicensePermission,
): z.infer<S> {
  try {
    return readResponse(context, response, schema, secrets);
  } catch (error) {
    if (error instanceof AuthenticationError && error.vendorMessage === 'Access denied.' && error.status !== 401) {
      throw new MissingPermissionError(context, permission, error.vendorMessage, error.status);
    }
    if (error instanceof VendorError && !(error instanceof NotFoundError) && error.vendorMessage === KEY_LOCK_MESSAGE) {
      throw new NotFoundError(context, error.vendorMessage, error.status);
    }
    throw error;
  }
}
