// The account behind the example on Runtype's "Get aggregate API key analytics" page (seed page 003).
// Its analytics reproduce that example exactly when the emulator's `now` is 2024-04-25T12:00:00Z.
// The page shows only id, name, keyPrefix, lastUsedAt and isActive; the other fields are filled in
// consistently: both "Old" keys expired (so isActive is false and expiredKeys is 2), the others never expire.
import type { RuntypeKeyRecord } from './seed';

export const DOCS_EXAMPLE_NOW = Date.parse('2024-04-25T12:00:00Z');

const at = (iso: string): number => Date.parse(iso);

export const DOCS_KEYS: readonly RuntypeKeyRecord[] = [
  {
    id: 'a1b2c3d4-e5f6-7890-ab12-cd34ef567890',
    name: 'Primary API Key',
    keyPrefix: 'runtype_1234',
    permissions: ['flows:read', 'flows:write', 'flows:execute'],
    enabled: true,
    expiresAt: null,
    lastUsedAt: at('2024-04-20T14:45:00Z'),
    createdAt: at('2023-11-02T09:00:00Z'),
    updatedAt: at('2024-01-15T10:20:00Z'),
    maskedKey: 'runtype_1234************************abcd',
    isTestKey: false,
  },
  {
    id: 'b2c3d4e5-f678-9012-ab34-cd56ef789012',
    name: 'Backup Key',
    keyPrefix: 'runtype_5678',
    permissions: ['flows:read', 'flows:execute'],
    enabled: true,
    expiresAt: null,
    lastUsedAt: at('2024-03-10T08:15:00Z'),
    createdAt: at('2023-11-02T09:05:00Z'),
    updatedAt: at('2023-11-02T09:05:00Z'),
    maskedKey: 'runtype_5678************************efgh',
    isTestKey: false,
  },
  {
    id: 'c3d4e5f6-7890-1234-ab56-cd78ef901234',
    name: 'Staging Key',
    keyPrefix: 'runtype_9012',
    permissions: ['flows:read'],
    enabled: true,
    expiresAt: null,
    lastUsedAt: at('2024-02-28T17:00:00Z'),
    createdAt: at('2024-01-10T12:00:00Z'),
    updatedAt: at('2024-02-01T08:00:00Z'),
    maskedKey: 'runtype_9012************************ijkl',
    isTestKey: false,
  },
  {
    id: 'd4e5f678-9012-3456-ab78-cd90ef123456',
    name: 'Old Key 1',
    keyPrefix: 'runtype_3456',
    permissions: ['flows:read'],
    enabled: true,
    expiresAt: at('2024-01-01T00:00:00Z'),
    lastUsedAt: null,
    createdAt: at('2023-06-01T12:00:00Z'),
    updatedAt: at('2023-06-01T12:00:00Z'),
    maskedKey: 'runtype_3456************************mnop',
    isTestKey: false,
  },
  {
    id: 'e5f67890-1234-5678-ab90-cd12ef345678',
    name: 'Old Key 2',
    keyPrefix: 'runtype_7890',
    permissions: ['flows:read', 'records:read'],
    enabled: true,
    expiresAt: at('2024-01-31T00:00:00Z'),
    lastUsedAt: at('2023-12-15T11:30:00Z'),
    createdAt: at('2023-05-10T15:00:00Z'),
    updatedAt: at('2023-09-20T11:00:00Z'),
    maskedKey: 'runtype_7890************************qrst',
    isTestKey: false,
  },
];
