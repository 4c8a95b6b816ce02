// Root keys: who is asking (workspace) and what they may do (permissions, as Unkey names them).
import type { IncomingHttpHeaders } from 'node:http';
import type { Random } from '../random';
import { randomId } from './ids';

export interface RootKey {
  workspaceId: string;
  permissions: ReadonlySet<string>;
}

/** Everything Keyscope reads: analytics (v1 read_api, v2 read_analytics) and key listings. */
export const READ_ALL = ['api.*.read_api', 'api.*.read_key', 'api.*.read_analytics'] as const;

export class RootKeys {
  private readonly keys = new Map<string, RootKey>();

  constructor(private readonly random: Random) {}

  mint(workspaceId: string, permissions: readonly string[]): string {
    const token = randomId(this.random, 'unkey', 24);
    this.keys.set(token, { workspaceId, permissions: new Set(permissions) });
    return token;
  }

  /** The root key behind an `Authorization: Bearer …` header, if it is one. */
  find(headers: IncomingHttpHeaders): RootKey | undefined {
    const token = bearer(headers);
    return token === undefined ? undefined : this.keys.get(token);
  }
}

export function bearer(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

/** True when the key holds any of `wanted`; "*" holds everything. */
export function holdsAny(key: RootKey, wanted: readonly string[]): boolean {
  return key.permissions.has('*') || wanted.some((permission) => key.permissions.has(permission));
}
