// The token works but lacks the permission one call needs. Surfaces recognise it by type and name
// the permission once ("add GetKey to the access token") instead of showing a failure per key.
import * as l10n from '@vscode/l10n';
import { AuthenticationError, type RequestContext } from './errors';

export class MissingPermissionError extends AuthenticationError {
  /** As the vendor names it: "GetKey", "GetKeys", "api.*.read_key". */
  readonly permission: string;
  constructor(context: RequestContext, permission: string, vendorMessage: string, status: number, code?: string) {
    super(context, l10n.t('the token lacks the {0} permission: {1}', permission, vendorMessage), status, code);
    this.permission = permission;
  }
}
