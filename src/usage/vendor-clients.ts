import { createHash } from 'node:crypto';
import type { HttpClient } from '../http/client';
import type { KeyscopeConfig } from '../config';
import type { TokenStore } from '../secrets';
import { CryptolensClient } from '../vendors/cryptolens/client';
import type { VendorId } from '../vendors/model';
import { RuntypeClient } from '../vendors/runtype/client';
import { createUnkeyClient } from '../vendors/unkey/factory';
import type { UnkeyClient } from '../vendors/unkey/types';

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

/** Builds vendor clients from the current settings and SecretStorage, one per call (they are cheap). */
export class VendorClients {
  constructor(
    private readonly tokens: TokenStore,
    private readonly config: () => KeyscopeConfig,
    private readonly http: () => HttpClient,
  ) {}

  /** Undefined when the vendor has no token. */
  async connect<V extends VendorId>(vendor: V): Promise<Connected<V> | undefined> {
    const token = await this.tokens.get(vendor);
    return token ? this.withToken(vendor, token) : undefined;
  }

  withToken<V extends VendorId>(vendor: V, token: string): Connected<V> {
    const config = this.config();
    const http = this.http();
    const clients: { [K in VendorId]: () => VendorClientMap[K] } = {
      cryptolens: () => new CryptolensClient({ baseUrl: config.cryptolensBaseUrl, token, http }),
      unkey: () => createUnkeyClient({ version: config.unkeyApiVersion, baseUrl: config.unkeyBaseUrl, token, http }),
      runtype: () => new RuntypeClient({ baseUrl: config.runtypeBaseUrl, token, http }),
    };
    const where = vendor === 'cryptolens' ? config.cryptolensBaseUrl : vendor === 'unkey' ? `${config.unkeyApiVersion} ${config.unkeyBaseUrl}` : config.runtypeBaseUrl;
    return { client: clients[vendor](), account: `${vendor}:${fingerprint(`${where}\n${token}`)}` };
  }
}

/** A short one-way digest: tells accounts apart in cache keys without keeping the token there. */
function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
