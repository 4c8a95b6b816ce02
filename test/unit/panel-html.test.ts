// The panel's HTML: a strict Content Security Policy with fresh nonces, and nothing it interpolates
// can break out of its attribute or element.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, createNonce, renderPanelHtml } from '../../src/panel/html';

const CSP_SOURCE = 'https://*.vscode-cdn.net';

function render(title = 'Unkey · api_123'): string {
  return renderPanelHtml({
    cspSource: CSP_SOURCE,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/webview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/webview.css',
    scriptNonce: 'c2NyaXB0',
    styleNonce: 'c3R5bGU=',
    title,
    init: { scope: { vendor: 'unkey', apiId: 'api_123' }, title, unkeyVersion: 'v2' },
  });
}

describe('panel HTML', () => {
  it('allows only the nonce-tagged script, styles from media/ (or the style nonce), images and fonts from media/', () => {
    assert.equal(
      contentSecurityPolicy(CSP_SOURCE, 'c2NyaXB0', 'c3R5bGU='),
      `default-src 'none'; script-src 'nonce-c2NyaXB0'; style-src ${CSP_SOURCE} 'nonce-c3R5bGU='; img-src ${CSP_SOURCE} data:; font-src ${CSP_SOURCE}`,
    );
    const html = render();
    for (const forbidden of ['unsafe-eval', 'unsafe-inline', 'connect-src', 'command:']) assert.ok(!html.includes(forbidden), forbidden);
    assert.match(html, /<script nonce="c2NyaXB0" src="[^"]+\/media\/webview\.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" nonce="c3R5bGU=" href="[^"]+\/media\/webview\.css">/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('exposes only the style nonce to the page (for the toolkit), never the script nonce', () => {
    const html = render();
    assert.match(html, /<meta property="csp-nonce" content="c3R5bGU=">/);
    assert.equal(html.split('c2NyaXB0').length - 1, 2, 'the script nonce appears in the policy and on the script only');
  });

  it('makes a new 128-bit nonce for every render', () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    assert.equal(nonces.size, 200);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
  });

  it('escapes the title it puts in the page', () => {
    const html = render('</title><script>alert(1)</script>');
    assert.ok(html.includes('<title>&#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62;</title>'));
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('carries the init answer in a meta element, escaped, for the webview to start without asking', () => {
    const title = 'Unkey · "api_1" </head><script>alert(1)</script>';
    const html = render(title);
    const content = /<meta name="keyscope-init" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(content !== undefined);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    const decoded = content.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    assert.deepEqual(JSON.parse(decoded), { scope: { vendor: 'unkey', apiId: 'api_123' }, title, unkeyVersion: 'v2' });
  });
});
