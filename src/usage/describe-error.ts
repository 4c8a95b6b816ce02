import * as l10n from '@vscode/l10n';
import { KeyscopeError } from '../http/errors';
import { plainText } from '../text/untrusted';
import { VENDOR_NAMES } from '../vendor-id';
import { NoTokenError } from './no-token-error';

/** For a person, wherever a failure is shown: "Cryptolens: Access denied.", or what to do. Never a token. */
export function describeError(error: unknown): string {
  if (error instanceof NoTokenError) return l10n.t('No {0} access token is set: run "Keyscope: Set Access Token…".', VENDOR_NAMES[error.vendor]);
  if (error instanceof KeyscopeError) return error.summary;
  return plainText(error instanceof Error ? error.message : String(error), 500);
}
