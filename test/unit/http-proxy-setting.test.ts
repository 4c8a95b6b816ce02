// An unusable proxy URL is reported by where it came from, never by its value: a proxy URL may carry
// a user name and password, and `new URL`'s TypeError keeps the whole input on `.input`.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { HttpClient } from '../../src/http/client';
import { InvalidProxySettingError, type ProxySource } from '../../src/http/errors';

const PROXY_ENV = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'] as const;

/** Everything an error shows of itself: message, stack, enumerable properties (own and inherited), inspect(). */
function everythingShown(error: Error): string[] {
  const enumerable: string[] = [];
  for (const key in error) enumerable.push(`${key}=${String((error as unknown as Record<string, unknown>)[key])}`);
  return [error.message, error.stack ?? '', ...enumerable, JSON.stringify(error), inspect(error, { showHidden: true, depth: 5 })];
}

function assertHidesValue(error: unknown, source: ProxySource, parts: readonly string[]): true {
  assert.ok(error instanceof InvalidProxySettingError, String(error));
  assert.equal(error.source, source);
  assert.ok(error.message.includes(source === 'http.proxy' ? '"http.proxy"' : 'HTTP_PROXY'), error.message);
  assert.equal('cause' in error, false, 'no cause: the original error holds the URL');
  for (const shown of everythingShown(error)) {
    for (const part of parts) assert.ok(!shown.includes(part), `${JSON.stringify(part)} shown in: ${shown}`);
  }
  // The message and the enumerable properties hold no word of the value at all.
  const own = [error.message, ...Object.values(error).map(String)];
  for (const word of ['user', 'bad', 'http://u']) assert.ok(!own.some((text) => text.includes(word)), word);
  return true;
}

describe('invalid proxy URL', () => {
  let savedEnv: Partial<Record<(typeof PROXY_ENV)[number], string>>;
  beforeEach(() => {
    savedEnv = {};
    for (const name of PROXY_ENV) {
      savedEnv[name] = process.env[name];
      delete process.env[name];
    }
  });
  afterEach(() => {
    for (const name of PROXY_ENV) {
      const value = savedEnv[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  const withProxy = (proxy: string): HttpClient => new HttpClient({ proxy: { proxy, strictSSL: true, noProxy: [] } });

  it('names the http.proxy setting and carries no part of an unparsable URL', () => {
    const parts = ['http://user:secret@bad host', 'user:secret', 'secret', 'bad host', '@bad', 'http://user'];
    assert.throws(() => withProxy('http://user:secret@bad host'), (error: unknown) => assertHidesValue(error, 'http.proxy', parts));
  });

  it('does the same for URLs that parse but undici cannot use (no http/https scheme)', () => {
    for (const value of ['ftp://user:secret@bad-host', 'user:secret@bad-host:8080']) {
      assert.throws(() => withProxy(value), (error: unknown) => assertHidesValue(error, 'http.proxy', [value, 'user:secret', 'secret', 'bad-host']));
    }
  });

  it('names HTTP_PROXY / HTTPS_PROXY when the setting is empty and the environment is wrong', () => {
    process.env.HTTPS_PROXY = 'http://user:secret@bad host';
    const parts = ['user:secret', 'secret', 'bad host', '@bad', 'http://user'];
    assert.throws(() => withProxy(''), (error: unknown) => assertHidesValue(error, 'HTTP_PROXY / HTTPS_PROXY', parts));
  });
});
