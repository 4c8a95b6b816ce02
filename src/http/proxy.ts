import type { Dispatcher } from 'undici';
import { loadUndici } from './load-undici';

/** VS Code's `http.proxy`, `http.proxyStrictSSL` and `http.noProxy`, read by the caller. */
export interface ProxySettings {
  /** Empty: use HTTP(S)_PROXY from the environment, if any. */
  proxy: string;
  strictSSL: boolean;
  noProxy: readonly string[];
}

export const NO_PROXY_SETTINGS: ProxySettings = { proxy: '', strictSSL: true, noProxy: [] };

export interface ConnectionOptions {
  connectTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

/**
 * One keep-alive connection pool per origin, behind the proxy the user chose: VS Code's setting wins,
 * then HTTP_PROXY / HTTPS_PROXY / NO_PROXY from the environment (undici does not read VS Code's).
 */
export function createDispatcher(settings: ProxySettings, options: ConnectionOptions): Dispatcher {
  const { EnvHttpProxyAgent } = loadUndici();
  const proxy = settings.proxy.trim();
  const noProxy = settings.noProxy.length > 0 ? settings.noProxy.join(',') : undefined;
  return new EnvHttpProxyAgent({
    ...(proxy ? { httpProxy: proxy, httpsProxy: proxy } : {}),
    ...(noProxy ? { noProxy } : {}),
    connect: { timeout: options.connectTimeoutMs, rejectUnauthorized: settings.strictSSL },
    requestTls: { rejectUnauthorized: settings.strictSSL },
    proxyTls: { rejectUnauthorized: settings.strictSSL },
    keepAliveTimeout: options.keepAliveTimeoutMs,
  });
}
