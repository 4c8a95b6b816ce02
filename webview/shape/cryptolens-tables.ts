// The Cryptolens view's tables: a product's keys, its busiest keys (successful vs failed), devices
// per key, one key's devices, and the optional counters the vendor returned.
import * as l10n from '@vscode/l10n';
import type { Result } from '../../src/panel/protocol';
import type { Table } from '../../src/panel/protocol-data';
import { rate } from './cells';

export type KeyRow = Result<'cryptolens.product'>['keys'][number];
export type DeviceRow = Result<'cryptolens.key'>['devices'][number];

export const TOP_KEYS = 10;
export const TOP_DEVICES = 20;

/** The key string, or "#123 (deleted)" when the vendor no longer has the key. */
export function keyLabel(key: KeyRow): string {
  return key.key ?? `#${key.licenseKeyId} (deleted)`;
}

export function keysTable(keys: readonly KeyRow[]): Table {
  return {
    name: l10n.t('License keys'),
    columns: [
      { key: 'key', label: l10n.t('Key'), kind: 'text' },
      { key: 'keyId', label: l10n.t('Key id'), kind: 'count' },
      { key: 'status', label: l10n.t('Status'), kind: 'text' },
      { key: 'requests', label: l10n.t('Requests'), kind: 'count' },
      { key: 'successful', label: l10n.t('Successful'), kind: 'count' },
      { key: 'failed', label: l10n.t('Failed'), kind: 'count' },
      { key: 'successRate', label: l10n.t('Success rate'), kind: 'percent' },
      { key: 'devices', label: l10n.t('Devices'), kind: 'count' },
      { key: 'firstSeen', label: l10n.t('First seen (UTC)'), kind: 'time' },
      { key: 'lastSeen', label: l10n.t('Last seen (UTC)'), kind: 'time' },
    ],
    rows: keys.map((key) => [
      keyLabel(key),
      key.licenseKeyId,
      key.status ?? null,
      key.requests,
      key.successful,
      key.failed,
      rate(key.successful, key.requests),
      key.devices ?? null,
      key.firstSeen ?? null,
      key.lastSeen ?? null,
    ]),
  };
}

export function busiestKeys(keys: readonly KeyRow[]): KeyRow[] {
  return [...keys].sort((a, b) => b.requests - a.requests || a.licenseKeyId - b.licenseKeyId).slice(0, TOP_KEYS);
}

export function outcomesTable(keys: readonly KeyRow[]): Table {
  return {
    name: l10n.t('Successful vs failed requests, top {0} keys by requests', TOP_KEYS),
    columns: [
      { key: 'key', label: l10n.t('Key'), kind: 'text' },
      { key: 'successful', label: l10n.t('Successful'), kind: 'count' },
      { key: 'failed', label: l10n.t('Failed'), kind: 'count' },
    ],
    rows: busiestKeys(keys).map((key) => [keyLabel(key), key.successful, key.failed]),
  };
}

export function keysWithMostDevices(keys: readonly KeyRow[]): KeyRow[] {
  return keys
    .filter((key) => key.devices !== undefined)
    .sort((a, b) => (b.devices ?? 0) - (a.devices ?? 0) || a.licenseKeyId - b.licenseKeyId)
    .slice(0, TOP_KEYS);
}

export function devicesPerKeyTable(keys: readonly KeyRow[]): Table {
  return {
    name: l10n.t('Devices per key, top {0} keys by devices', TOP_KEYS),
    columns: [
      { key: 'key', label: l10n.t('Key'), kind: 'text' },
      { key: 'devices', label: l10n.t('Devices'), kind: 'count' },
    ],
    rows: keysWithMostDevices(keys).map((key) => [keyLabel(key), key.devices ?? 0]),
  };
}

/** Each counter the vendor returned, summed over the keys that have it; undefined when none has any. */
export function countersTable(keys: readonly KeyRow[], name = l10n.t('Counters')): Table | undefined {
  const totals = new Map<string, number>();
  for (const key of keys) for (const [counter, value] of Object.entries(key.counters)) totals.set(counter, (totals.get(counter) ?? 0) + value);
  if (totals.size === 0) return undefined;
  return {
    name,
    columns: [
      { key: 'counter', label: l10n.t('Counter'), kind: 'text' },
      { key: 'value', label: l10n.t('Value'), kind: 'count' },
    ],
    rows: [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([counter, value]) => [counter, value]),
  };
}

export function devicesTable(devices: readonly DeviceRow[]): Table {
  return {
    name: l10n.t('Devices'),
    columns: [
      { key: 'machineCode', label: l10n.t('Machine code'), kind: 'text' },
      { key: 'requests', label: l10n.t('Requests'), kind: 'count' },
      { key: 'firstSeen', label: l10n.t('First seen (UTC)'), kind: 'time' },
      { key: 'lastSeen', label: l10n.t('Last seen (UTC)'), kind: 'time' },
    ],
    rows: devices.map((device) => [device.machineCode, device.requests, device.firstSeen, device.lastSeen]),
  };
}

export function requestsPerDeviceTable(devices: readonly DeviceRow[]): Table {
  const top = [...devices].sort((a, b) => b.requests - a.requests || a.deviceId - b.deviceId).slice(0, TOP_DEVICES);
  return {
    name: l10n.t('Requests per device, top {0} devices', TOP_DEVICES),
    columns: [
      { key: 'machineCode', label: l10n.t('Machine code'), kind: 'text' },
      { key: 'requests', label: l10n.t('Requests'), kind: 'count' },
    ],
    rows: top.map((device) => [device.machineCode, device.requests]),
  };
}
