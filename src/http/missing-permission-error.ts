// The token works but lacks the permission one call needs. Surfaces recognise it by type and name
// the permission once ("add GetKey to the access token") instead of showing a failure per key.
import { AuthenticationError, type RequestContext } from './errors';

export class MissingPermissionError extends AuthenticationError {
  /** As the vendor names it: "GetKey", "GetKeys", "api.*.read_key". */
  readonly permission: string;
  constructor(context: RequestContext, permission: string, vendorMessage: string, status: number, code?: string) {
    super(context, `the token lacks the ${permission} permission: ${vendorMessage}`, status, code);
    this.permission = permission;
  }
}
