// One character class (src/text/untrusted.ts) removes what makes text read differently than it is,
// on every path that shows vendor or workspace text: labels, markdown, notifications, HTTP errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VendorError } from '../../src/http/errors';
import { markdownText, notificationText, plainText } from '../../src/text/untrusted';
import { describeError } from '../../src/usage/describe-error';

const HIDDEN = [
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\u2063', '\ufeff', '\u00ad', '\u061c', '\u180e',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
  '\u{e0001}', '\u{e0041}', '\u{e007f}',
];

describe('untrusted text', () => {
  it('removes zero-width, bidi-control and tag characters on every path', () => {
    const hostile = `ke${HIDDEN.join('')}y_123`;
    const shown = [
      plainText(hostile),
      markdownText(hostile).replace(/\\/g, ''),
      notificationText(hostile),
      new VendorError({ vendor: 'unkey', endpoint: 'v2/keys.getKey' }, hostile, 400).detail,
      describeError(new Error(hostile)),
    ];
    for (const text of shown) {
      assert.equal(text, 'key_123', JSON.stringify(text));
    }
  });

  it('keeps text one line: controls and line separators become one space', () => {
    assert.equal(plainText('a\r\n\tb\u2028c\u0085d'), 'a b c d');
  });

  it('keeps ordinary non-Latin text and emoji', () => {
    assert.equal(plainText('Ключ 鍵 🔑'), 'Ключ 鍵 🔑');
  });

  it('breaks links in notifications', () => {
    assert.equal(notificationText('[click](command:workbench.action.openSettings)'), '[click] (command:workbench.action.openSettings)');
  });
});
