// Asked of Unkey v1 for something only v2 has (single verifications: v1 answers only with counts).
// Nothing was sent; the message says what to change.
import * as l10n from '@vscode/l10n';
import { KeyscopeError, type RequestContext } from '../../http/errors';

export class NeedsUnkeyV2Error extends KeyscopeError {
  readonly requiredVersion = 'v2' as const;

  constructor(context: RequestContext, what: string) {
    super(context, l10n.t('{0} needs Unkey API v2: Unkey v1 has no endpoint for it (set {1} to v2)', what, 'keyscope.unkey.apiVersion'));
  }
}
