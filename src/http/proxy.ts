import type { Dispatcher } from 'undici';
import { InvalidProxySettingError } from './errors';
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
  try {
    return new EnvHttpProxyAgent({
      ...(proxy ? { httpProxy: proxy, httpsProxy: proxy } : {}),
      ...(noProxy ? { noProxy } : {}),
      connect: { timeout: options.connectTimeoutMs, rejectUnauthorized: settings.strictSSL },
      requestTls: { rejectUnauthorized: settings.strictSSL },
      proxyTls: { rejectUnauthorized: settings.strictSSL },
      keepAliveTimeout: options.keepAliveTimeoutMs,
    });
  } catch (error) {
    if (!proxy && !ENV_PROXY_VARIABLES.some((name) => process.env[name])) throw error;
    // With our fixed options only a proxy URL can fail here, and the error (the TypeError of `new URL`
    // keeps the whole URL on `.input`) may carry it, password included: none of it is passed on.
    throw new InvalidProxySettingError(proxy ? 'http.proxy' : 'HTTP_PROXY / HTTPS_PROXY');
  }
}

/** What EnvHttpProxyAgent reads when it is given no proxy. */
const ENV_PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY'];
