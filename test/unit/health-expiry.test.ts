// The shared pieces of every health rule: where a key stands against its expiry, the spans of time
// reasons are told in, and the keyscope.health.expiresSoonDays value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expiryState } from '../../src/health/expiry';
import { DEFAULT_EXPIRES_SOON_DAYS, expiresSoonDays } from '../../src/health/options';
import { spanText } from '../../src/health/wording';

const NOW = Date.UTC(2025, 8, 1, 12);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const options = { now: NOW, expiresSoonDays: 7 };

describe('health: expiry, spans and the expiresSoonDays setting', () => {
  it('no expiry (absent, or not a finite time) is "never"', () => {
    assert.deepEqual(expiryState(undefined, options), { kind: 'never' });
    assert.deepEqual(expiryState(Number.NaN, options), { kind: 'never' });
  });

  it('an expiry exactly now has expired; a millisecond later it has not', () => {
    assert.deepEqual(expiryState(NOW, options), { kind: 'expired', text: 'expired just now' });
    assert.deepEqual(expiryState(NOW + 1, options), { kind: 'soon', text: 'expires in less than a minute' });
  });

  it('past expiries say how long ago, in whole units rounded down', () => {
    assert.equal(expiryState(NOW - 3 * DAY, options).kind, 'expired');
    assert.deepEqual(expiryState(NOW - 3 * DAY - 5 * HOUR, options), { kind: 'expired', text: 'expired 3 days ago' });
    assert.deepEqual(expiryState(NOW - DAY, options), { kind: 'expired', text: 'expired 1 day ago' });
    assert.deepEqual(expiryState(NOW - 5 * HOUR, options), { kind: 'expired', text: 'expired 5 hours ago' });
    assert.deepEqual(expiryState(NOW - 59 * MINUTE, options), { kind: 'expired', text: 'expired 59 minutes ago' });
    assert.deepEqual(expiryState(NOW - 59_999, options), { kind: 'expired', text: 'expired just now' });
  });

  it('"soon" is within expiresSoonDays, the last day included', () => {
    assert.deepEqual(expiryState(NOW + 5 * DAY, options), { kind: 'soon', text: 'expires in 5 days' });
    assert.deepEqual(expiryState(NOW + 7 * DAY, options), { kind: 'soon', text: 'expires in 7 days' });
    assert.deepEqual(expiryState(NOW + 7 * DAY + 1, options), { kind: 'later', text: 'expires in 7 days' });
    assert.deepEqual(expiryState(NOW + 40 * DAY, options), { kind: 'later', text: 'expires in 40 days' });
    assert.equal(expiryState(NOW + HOUR, { now: NOW, expiresSoonDays: 0 }).kind, 'later', '0 days turns "soon" off');
  });

  it('spans: days, hours, minutes, singular and plural, thousands grouped', () => {
    assert.equal(spanText(DAY), '1 day');
    assert.equal(spanText(2 * DAY - 1), '1 day');
    assert.equal(spanText(HOUR), '1 hour');
    assert.equal(spanText(MINUTE), '1 minute');
    assert.equal(spanText(MINUTE - 1), 'less than a minute');
    assert.equal(spanText(-3 * DAY), '3 days');
    assert.equal(spanText(1234 * DAY), '1,234 days');
  });

  it('expiresSoonDays: whole days from 0 to 3650; anything else is the default 7', () => {
    assert.equal(DEFAULT_EXPIRES_SOON_DAYS, 7);
    for (const value of [0, 1, 14, 3650]) assert.equal(expiresSoonDays(value), value);
    for (const value of [undefined, null, -1, 3651, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '7', '30', {}]) {
      assert.equal(expiresSoonDays(value), 7, String(value));
    }
  });
});
