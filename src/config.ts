import * as vscode from 'vscode';
import { CRYPTOLENS_DEFAULT_BASE_URL, RUNTYPE_DEFAULT_BASE_URL, UNKEY_DEFAULT_BASE_URLS } from './vendors/default-urls';
import type { VendorId } from './vendor-id';
import { isUnkeyApiId } from './vendors/unkey/api-id';
import type { UnkeyApiVersion } from './vendors/unkey/types';
import type { ProxySettings } from './http/proxy';
import type { TokenDestinationSetting } from './trust/destination-settings';
import { clampScanLimit } from './usage/scan';
import { expiresSoonDays } from './health/options';

/** Keyscope's settings, read once per change; tokens are never here (see secrets.ts). */
export interface KeyscopeConfig {
  /** The URL each vendor's token goes to: the user's setting, or the vendor's own URL. */
  baseUrls: Readonly<Record<VendorId, string>>;
  unkeyApiVersion: UnkeyApiVersion;
  /** Valid API ids only (see vendors/unkey/api-id.ts). */
  unkeyApiIds: string[];
  /** Entries of keyscope.unkey.apiIds that are not API ids: shown as errors, never sent. */
  rejectedUnkeyApiIds: string[];
  hoverEnabled: boolean;
  /** keyscope.statusBar.enabled: the status bar item. */
  statusBarEnabled: boolean;
  /** keyscope.cryptolens.maxScanKeys, within its declared bounds. */
  cryptolensMaxScanKeys: number;
  /** keyscope.health.expiresSoonDays, a whole number of days within its declared bounds. */
  expiresSoonDays: number;
  /** keyscope.diagnostics.enabled: key statuses in the Problems panel. */
  diagnosticsEnabled: boolean;
}

function userValue<T>(setting: TokenDestinationSetting): T | undefined {
  const values = vscode.workspace.getConfiguration().inspect<T>(setting);
  return values?.globalValue ?? values?.defaultValue;
}

function userText(setting: TokenDestinationSetting, fallback: string): string {
  const value = userValue<unknown>(setting);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

export function readConfig(): KeyscopeConfig {
  const config = vscode.workspace.getConfiguration('keyscope');
  const unkeyApiVersion: UnkeyApiVersion = userValue<unknown>('keyscope.unkey.apiVersion') === 'v1' ? 'v1' : 'v2';
  const listed = config.get<unknown>('unkey.apiIds', []);
  const apiIds = Array.isArray(listed) ? listed.filter((id): id is string => typeof id === 'string' && id.trim() !== '').map((id) => id.trim()) : [];
  return {
    baseUrls: {
      cryptolens: userText('keyscope.cryptolens.baseUrl', CRYPTOLENS_DEFAULT_BASE_URL),
      unkey: userText('keyscope.unkey.baseUrl', UNKEY_DEFAULT_BASE_URLS[unkeyApiVersion]),
      runtype: userText('keyscope.runtype.baseUrl', RUNTYPE_DEFAULT_BASE_URL),
    },
    unkeyApiVersion,
    unkeyApiIds: apiIds.filter(isUnkeyApiId),
    rejectedUnkeyApiIds: apiIds.filter((id) => !isUnkeyApiId(id)),
    hoverEnabled: config.get<boolean>('hover.enabled', true) !== false,
    statusBarEnabled: config.get<boolean>('statusBar.enabled', true) !== false,
    cryptolensMaxScanKeys: clampScanLimit(config.get<unknown>('cryptolens.maxScanKeys')),
    expiresSoonDays: expiresSoonDays(config.get<unknown>('health.expiresSoonDays')),
    diagnosticsEnabled: config.get<boolean>('diagnostics.enabled', true) !== false,
  };
}

/**
 * The one place settings are read: a typed snapshot, replaced on every change of `keyscope.*`, and
 * one event every part subscribes to (so no part reads settings before the snapshot is current).
 */
export class ConfigStore implements vscode.Disposable {
  private snapshot = readConfig();
  private readonly changed = new vscode.EventEmitter<KeyscopeConfig>();
  readonly onDidChange = this.changed.event;
  private readonly listener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration('keyscope')) return;
    this.snapshot = readConfig();
    this.changed.fire(this.snapshot);
  });

  get current(): KeyscopeConfig {
    return this.snapshot;
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}

/** VS Code's own proxy settings, which undici does not read by itself. */
export function readProxySettings(): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  return {
    proxy: http.get<string>('proxy', ''),
    strictSSL: http.get<boolean>('proxyStrictSSL', true),
    noProxy: http.get<string[]>('noProxy', []),
  };
}
