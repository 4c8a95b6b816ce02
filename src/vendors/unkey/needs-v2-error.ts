// Asked of Unkey v1 for something only v2 has (single verifications: v1 answers only with counts).
// Nothing was sent; the message says what to change.
import { KeyscopeError, type RequestContext } from '../../http/errors';

export class NeedsUnkeyV2Error extends KeyscopeError {
  readonly requiredVersion = 'v2' as const;

  constructor(context: RequestContext, what: string) {
    super(context, `${what} needs Unkey API v2: Unkey v1 has no endpoint for it (set keyscope.unkey.apiVersion to v2)`);
  }
}
