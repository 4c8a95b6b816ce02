// Where a token may be sent (src/trust/destination.ts): https anywhere, plain http only on loopback,
// never with userinfo; and which origins need the user's "Allow" first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDestination, isLoopbackHost, needsConsent, UnsafeBaseUrlError } from '../../src/trust/destination';

function refusal(raw: string): string {
  try {
    checkDestination('runtype', raw);
  } catch (error) {
    assert.ok(error instanceof UnsafeBaseUrlError, `${raw}: ${String(error)}`);
    assert.match(error.message, /^Runtype: the setting keyscope\.runtype\.baseUrl /);
    return error.message;
  }
  assert.fail(`${raw} was accepted`);
}

describe('token destinations', () => {
  it('knows loopback in every spelling the URL parser normalises to it, and nothing else', () => {
    const loopback = ['http://localhost:8080/', 'http://LOCALHOST/', 'http://localhost./', 'http://127.0.0.1:3000/x', 'http://127.1.2.3/',
      'http://127.0.0.1./', 'http://0x7f.1/', 'http://2130706433/', 'http://127.1/', 'http://[::1]:9/', 'http://[0:0:0:0:0:0:0:1]/'];
    for (const raw of loopback) assert.equal(checkDestination('runtype', raw).loopback, true, raw);
    const remote = ['http://0.0.0.0/', 'http://[::ffff:127.0.0.1]/', 'http://localhost.example.com/', 'http://127.0.0.1.evil.example/',
      'http://foo.localhost/', 'http://128.0.0.1/', 'http://[::2]/', 'http://10.0.0.1/'];
    for (const raw of remote) assert.equal(isLoopbackHost(new URL(raw).hostname), false, raw);
  });

  it('allows https anywhere and plain http only on loopback', () => {
    assert.deepEqual(checkDestination('runtype', ' https://API.Example.com:8443/v1/ '), {
      url: 'https://api.example.com:8443/v1/',
      origin: 'https://api.example.com:8443',
      loopback: false,
    });
    assert.equal(checkDestination('runtype', 'http://127.0.0.1:4000/runtype').origin, 'http://127.0.0.1:4000');
    for (const raw of ['http://api.runtype.com', 'HTTP://Evil.Example./', 'http://0.0.0.0:80/', 'http://[::ffff:7f00:1]/', 'http://10.1.2.3/']) {
      assert.match(refusal(raw), /plain http .*use https:\/\//, raw);
    }
  });

  it('refuses userinfo without repeating it, other schemes and non-URLs', () => {
    for (const raw of ['https://user:s3cret-pass@api.example.com/', 'http://user@localhost/', 'https://:pw@api.example.com/']) {
      const message = refusal(raw);
      assert.match(message, /must not contain a user name or password/);
      assert.ok(!message.includes('s3cret') && !message.includes('user@') && !message.includes(':pw'), message);
    }
    assert.match(refusal('ftp://api.example.com/'), /must start with https:\/\//);
    assert.match(refusal('file:///etc/passwd'), /must start with https:\/\//);
    assert.match(refusal('javascript:alert(1)'), /must start with https:\/\//);
    assert.match(refusal('api.example.com'), /is not a valid URL/);
    assert.match(refusal(''), /is not a valid URL/);
  });

  it("asks only for origins that are neither the vendor's own nor loopback", () => {
    const own = (vendor: 'cryptolens' | 'unkey' | 'runtype', raw: string): boolean => needsConsent(vendor, checkDestination(vendor, raw));
    assert.equal(own('cryptolens', 'https://api.cryptolens.io/api/'), false);
    assert.equal(own('cryptolens', 'https://API.CRYPTOLENS.IO:443/other/path/'), false);
    assert.equal(own('unkey', 'https://api.unkey.com'), false);
    assert.equal(own('unkey', 'https://api.unkey.dev/'), false);
    assert.equal(own('runtype', 'https://api.runtype.com/'), false);
    assert.equal(own('runtype', 'http://localhost:7000/'), false);
    // Another vendor's URL, a trailing dot, another port or a look-alike are all other origins.
    assert.equal(own('runtype', 'https://api.unkey.com/'), true);
    assert.equal(own('cryptolens', 'https://api.cryptolens.io./api/'), true);
    assert.equal(own('cryptolens', 'https://api.cryptolens.io:8443/api/'), true);
    assert.equal(own('unkey', 'https://api.unkey.com.evil.example/'), true);
    assert.equal(own('unkey', 'https://0.0.0.0/'), true);
  });
});
