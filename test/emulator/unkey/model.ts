// What the Unkey emulator knows besides the analytics rows: workspaces, APIs, keys, identities, root keys.

export interface IdentityRecord {
  id: string;
  externalId: string;
  meta?: Record<string, unknown>;
}

export interface KeyRecord {
  id: string;
  /** The visible start of the key, e.g. "sk_live_3ZbQ". */
  start: string;
  apiId: string;
  keySpaceId: string;
  workspaceId: string;
  name?: string;
  meta?: Record<string, unknown>;
  enabled: boolean;
  createdAt: number;
  updatedAt?: number;
  expires?: number;
  /** Credits left; absent when the key is unlimited. */
  remaining?: number;
  /** `refillDay` is set exactly for monthly refills (note 2 §1.1). */
  refill?: { interval: 'daily' | 'monthly'; amount: number; refillDay?: number };
  identity?: IdentityRecord;
  /** Relative traffic, so a few keys dominate like in real APIs. */
  weight: number;
  /** When verifications started answering DISABLED (disabled keys only). */
  disabledAt?: number;
}

export interface ApiRecord {
  id: string;
  name: string;
  keySpaceId: string;
  workspaceId: string;
  /** Sorted by id, the order both listKeys versions page in. */
  keys: KeyRecord[];
}

export interface WorkspaceRecord {
  id: string;
  apis: ApiRecord[];
  identities: IdentityRecord[];
}
