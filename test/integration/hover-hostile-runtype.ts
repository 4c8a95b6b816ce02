// A Runtype account whose key names and prefixes are hostile, served in the Runtype wire format. The
// vendor emulator seeds only well-behaved names and Runtype's key-creating endpoint is not emulated,
// so the escaping test points keyscope.runtype.baseUrl here for its duration.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const HOSTILE_STRINGS = [
  '<img src=x onerror=alert(1)>',
  '[x](command:workbench.action.quit)',
  '](command:workbench.action.quit "t")',
  '<https://evil.example/a>',
  'https://evil.example/steal www.evil.example',
  'javascript:alert(1)',
  '\u202eevil\u202c \u2066isolated\u2069 \u200fmark',
  'line\n\n[second](command:workbench.action.quit)',
  '![img](https://evil.example/x.png) <script>alert(1)</script>',
];

export interface HostileKey {
  id: string;
  name: string;
  keyPrefix: string;
}

export interface HostileRuntype {
  baseUrl: string;
  keys: HostileKey[];
  close(): Promise<void>;
}

const TIMESTAMP = '2025-09-01T12:00:00Z';

export async function startHostileRuntype(): Promise<HostileRuntype> {
  const keys: HostileKey[] = HOSTILE_STRINGS.map((text, index) => ({
    id: `0badc0de-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: text,
    keyPrefix: text,
  }));
  const wire = keys.map((key) => ({
    ...key,
    permissions: ['flows:read'],
    isActive: true,
    expiresAt: null,
    lastUsedAt: TIMESTAMP,
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    maskedKey: `${key.keyPrefix}****`,
    isTestKey: false,
  }));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://hostile').pathname.replace(/\/+$/, '');
    const body =
      path === '/v1/api-keys'
        ? { apiKeys: wire, total: wire.length, timestamp: TIMESTAMP }
        : path === '/v1/api-keys/analytics'
          ? {
              analytics: {
                totalKeys: wire.length,
                activeKeys: wire.length,
                expiredKeys: 0,
                keyBreakdown: wire.map(({ id, name, keyPrefix, lastUsedAt, isActive }) => ({ id, name, keyPrefix, lastUsedAt, isActive })),
              },
              timestamp: TIMESTAMP,
            }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'Not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    keys,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
