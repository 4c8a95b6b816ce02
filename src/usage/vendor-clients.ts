import { createHash } from 'node:crypto';
import type { HttpClient } from '../http/client';
import type { KeyscopeConfig } from '../config';
import type { TokenStore } from '../secrets';
import { checkDestination, needsConsent, type OriginConsent } from '../trust/destination';
import type * as Clients from '../vendors/clients';
import type { CryptolensClient } from '../vendors/cryptolens/client';
import type { VendorId } from '../vendor-id';
import type { RuntypeClient } from '../vendors/runtype/client';
import type { UnkeyClient } from '../vendors/unkey/types';

/** The vendor clients, required with the first vendor call (in the build: dist/vendors.js). */
function loadClients(): typeof Clients {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../vendors/clients') as typeof Clients;
}

export interface VendorClientMap {
  cryptolens: CryptolensClient;
  unkey: UnkeyClient;
  runtype: RuntypeClient;
}

/** A client and the account it speaks for: cache keys start with `account`, so no two tokens share data. */
export interface Connected<V extends VendorId> {
  client: VendorClientMap[V];
  account: string;
}

/**
 * Builds vendor clients from the current settings and SecretStorage, one per call (they are cheap).
 * Every client passes the token-destination rule first: a base URL that may not receive a token
 * throws, and an origin that is neither the vendor's own nor loopback must be confirmed by the user.
 */
export class VendorClients {
  constructor(
    private readonly tokens: TokenStore,
    private readonly config: () => KeyscopeConfig,
    private readonly http: () => HttpClient,
    private readonly consent: OriginConsent,
  ) {}

  /** Undefined when the vendor has no token. */
  async connect<V extends VendorId>(vendor: V): Promise<Connected<V> | undefined> {
    const token = await this.tokens.get(vendor);
    return token ? this.withToken(vendor, token) : undefined;
  }

  async withToken<V extends VendorId>(vendor: V, token: string): Promise<Connected<V>> {
    const config = this.config();
    const destination = checkDestination(vendor, config.baseUrls[vendor]);
    if (needsConsent(vendor, destination)) await this.consent.confirm(vendor, destination.origin);
    const baseUrl = destination.url;
    const http = this.http();
    const clients: { [K in VendorId]: () => VendorClientMap[K] } = {
      cryptolens: () => new (loadClients().CryptolensClient)({ baseUrl, token, http }),
      unkey: () => loadClients().createUnkeyClient({ version: config.unkeyApiVersion, baseUrl, token, http }),
      runtype: () => new (loadClients().RuntypeClient)({ baseUrl, token, http }),
    };
    const where = vendor === 'unkey' ? `${config.unkeyApiVersion} ${baseUrl}` : baseUrl;
    return { client: clients[vendor](), account: `${vendor}:${fingerprint(`${where}\n${token}`)}` };
  }
}

/** A short one-way digest: tells accounts apart in cache keys without keeping the token there. */
function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
