// The one place that picks an Unkey API version; everything above it sees only UnkeyClient.
import type { HttpClient } from '../../http/client';
import { UNKEY_DEFAULT_BASE_URLS } from '../default-urls';
import type { UnkeyApiVersion, UnkeyClient } from './types';
import { UnkeyV1Client } from './v1-client';
import { UnkeyV2Client } from './v2-client';


export interface UnkeyClientOptions {
  version: UnkeyApiVersion;
  /** Empty means the vendor's URL for that version. */
  baseUrl?: string;
  token: string;
  http: HttpClient;
}

/** The base URL a client of `version` calls: the setting, or the vendor's own URL when it is empty. */
export function unkeyBaseUrl(version: UnkeyApiVersion, baseUrl: string | undefined): string {
  return baseUrl?.trim() || UNKEY_DEFAULT_BASE_URLS[version];
}

export function createUnkeyClient(options: UnkeyClientOptions): UnkeyClient {
  const settings = { baseUrl: unkeyBaseUrl(options.version, options.baseUrl), token: options.token, http: options.http };
  return options.version === 'v1' ? new UnkeyV1Client(settings) : new UnkeyV2Client(settings);
}
