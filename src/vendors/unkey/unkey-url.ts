// `{base}/v1/…` or `{base}/v2/…`, whether or not the base URL ends with a slash or has a path.
import * as l10n from '@vscode/l10n';
import { InvalidRequestError, type RequestContext } from '../../http/errors';

export function unkeyEndpointUrl(context: RequestContext, baseUrl: string, path: string): URL {
  let base: URL;
  try {
    base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch {
    throw new InvalidRequestError(context, l10n.t('the base URL is not a valid URL'));
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new InvalidRequestError(context, l10n.t('the base URL must be http or https'));
  }
  if (base.username || base.password) throw new InvalidRequestError(context, l10n.t('the base URL must not hold credentials'));
  return new URL(path, base);
}

const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** The Authorization header for a root key, refusing values that could not be sent as one. */
export function bearerHeader(context: RequestContext, token: string): string {
  if (token === '') throw new InvalidRequestError(context, l10n.t('no root key is set'));
  if (!HEADER_SAFE.test(token)) throw new InvalidRequestError(context, l10n.t('the root key contains spaces or control characters'));
  return `Bearer ${token}`;
}
