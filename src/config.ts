import * as vscode from 'vscode';
import type { UnkeyApiVersion } from './vendors/unkey/types';
import type { ProxySettings } from './http/proxy';
import { clampScanLimit } from './usage/scan';

/** Keyscope's settings, read once per change; tokens are never here (see secrets.ts). */
export interface KeyscopeConfig {
  cryptolensBaseUrl: string;
  unkeyApiVersion: UnkeyApiVersion;
  /** Empty: the vendor's URL for the chosen version. */
  unkeyBaseUrl: string;
  unkeyApiIds: string[];
  runtypeBaseUrl: string;
  hoverEnabled: boolean;
  /** keyscope.cryptolens.maxScanKeys, within its declared bounds. */
  cryptolensMaxScanKeys: number;
}

export function readConfig(): KeyscopeConfig {
  const config = vscode.workspace.getConfiguration('keyscope');
  return {
    cryptolensBaseUrl: config.get<string>('cryptolens.baseUrl', 'https://api.cryptolens.io/api/'),
    unkeyApiVersion: config.get<string>('unkey.apiVersion', 'v2') === 'v1' ? 'v1' : 'v2',
    unkeyBaseUrl: config.get<string>('unkey.baseUrl', ''),
    unkeyApiIds: config.get<string[]>('unkey.apiIds', []).filter((id) => typeof id === 'string' && id.trim() !== ''),
    runtypeBaseUrl: config.get<string>('runtype.baseUrl', 'https://api.runtype.com'),
    hoverEnabled: config.get<boolean>('hover.enabled', true),
    cryptolensMaxScanKeys: clampScanLimit(config.get<unknown>('cryptolens.maxScanKeys')),
  };
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
