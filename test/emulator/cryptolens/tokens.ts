// Access tokens the emulation knows: what each may see. Token strings are random-looking and
// deterministic, shaped like Cryptolens's base64 tokens.
import { createRandom, type Random } from '../random';

export interface TokenGrant {
  /** The "Usage Analytics" permission the ai/ methods need. */
  usageAnalytics: boolean;
  /** A token locked to one license key sees only that key's rows. */
  lockedKeyId?: number;
  /** The GetWebAPILog method permission (a token lists the methods it may call). */
  webApiLog?: boolean;
  /** The read-only methods key/GetKey and product/GetKeys, each enabled on its own (CL:Auth). */
  getKey?: boolean;
  getKeys?: boolean;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export class TokenRegistry {
  private readonly grants = new Map<string, TokenGrant>();
  private readonly random: Random;

  constructor(seed: number) {
    this.random = createRandom(seed);
  }

  mint(grant: TokenGrant): string {
    let token = 'WyI';
    for (let index = 0; index < 57; index++) token += ALPHABET[this.random.int(0, ALPHABET.length - 1)];
    token += '=';
    this.grants.set(token, { ...grant });
    return token;
  }

  lookup(token: string): TokenGrant | undefined {
    return this.grants.get(token);
  }
}
