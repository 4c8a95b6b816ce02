// undici wired as its own index module wires it, without the rest of that module (fetch, WebSocket,
// cache, mocks, interceptors: ~230 KB of bundle that Keyscope never runs).
import api from 'undici/lib/api/index.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js';

// undici's index does exactly this: `request` is a prototype method only through it, and the proxy
// agent opens its CONNECT tunnels with the prototype's `connect`.
Object.assign(Dispatcher.prototype, api);

export { EnvHttpProxyAgent };
