// Unkey key health: every rule, every priority tie, the 10% boundaries (exactly 10% is not over),
// unlimited credits, refill wording, and what is said when the last 24 hours could not be read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNKEY_STATUSES } from '../../src/health/status';
import { unkeyHealth, type UnkeyHealthInput } from '../../src/health/unkey-health';
import type { ApiKeyCredits } from '../../src/vendors/credits';
import type { OutcomeCounts } from '../../src/vendors/model';

const NOW = Date.UTC(2025, 8, 1, 12);
const DAY = 86_400_000;
const options = { now: NOW, expiresSoonDays: 7 };

function counts(parts: Partial<OutcomeCounts>): OutcomeCounts {
  const zero: OutcomeCounts = { valid: 0, rateLimited: 0, usageExceeded: 0, disabled: 0, expired: 0, forbidden: 0, unauthorized: 0, notFound: 0, insufficientPermissions: 0, total: 0 };
  const all = { ...zero, ...parts };
  if (parts.total === undefined) all.total = Object.entries(all).reduce((sum, [name, n]) => (name === 'total' ? sum : sum + n), 0);
  return all;
}

const quiet = counts({});
/** `null`: the last 24 hours could not be read. */
function health(key: Partial<UnkeyHealthInput['key']>, last24h: OutcomeCounts | null = quiet): ReturnType<typeof unkeyHealth> {
  return unkeyHealth({ key: { enabled: true, ...key }, ...(last24h ? { last24h } : {}) }, options);
}

describe('Unkey key health', () => {
  it('the words, in priority order, spelled as the public surface spells them', () => {
    assert.deepEqual(UNKEY_STATUSES, ['Disabled', 'Expired', 'Low credits', 'Rate limited', 'Expires soon', 'Elevated rejections', 'Active']);
  });

  it('Active: enabled, nothing else holds; the reason says what was seen', () => {
    assert.deepEqual(health({}), { status: 'Active', reason: 'enabled; no verifications in the last 24 h', others: [] });
    const busy = health({ expiresAt: NOW + 40 * DAY, credits: { remaining: 500, refill: { interval: 'daily', amount: 1000 } } }, counts({ valid: 1170, rateLimited: 30 }));
    assert.equal(busy.status, 'Active');
    assert.equal(busy.reason, 'enabled; 500 credits left of 1,000 a day; expires in 40 days; 1,200 verifications in the last 24 h, 2.5% rejected');
  });

  it('Disabled: enabled is false', () => {
    assert.deepEqual(health({ enabled: false }), { status: 'Disabled', reason: 'disabled, so every verification of it fails', others: [] });
  });

  it('Expired: expires in the past, or exactly now', () => {
    assert.deepEqual(health({ expiresAt: NOW - 3 * DAY }), { status: 'Expired', reason: 'expired 3 days ago', others: [] });
    assert.equal(health({ expiresAt: NOW }).status, 'Expired');
    assert.equal(health({ expiresAt: NOW }).reason, 'expired just now');
  });

  it('Low credits: none left, or below 10% of the refill amount; exactly 10% is not low', () => {
    const low = (credits: ApiKeyCredits): string => health({ credits }).status;
    assert.deepEqual(health({ credits: { remaining: 0 } }), { status: 'Low credits', reason: '0 credits left', others: [] });
    assert.equal(health({ credits: { remaining: 0, refill: { interval: 'monthly', amount: 1000, refillDay: 1 } } }).reason, '0 credits left of 1,000 a month');
    assert.equal(health({ credits: { remaining: 99, refill: { interval: 'daily', amount: 1000 } } }).reason, '99 credits left of 1,000 a day');
    assert.equal(health({ credits: { remaining: 1, refill: { amount: 50 } } }).reason, '1 credit left of 50 each refill', 'an interval Keyscope does not know');
    assert.equal(low({ remaining: 99, refill: { interval: 'daily', amount: 1000 } }), 'Low credits');
    assert.equal(low({ remaining: 100, refill: { interval: 'daily', amount: 1000 } }), 'Active', 'exactly 10% is not below 10%');
    assert.equal(low({ remaining: 1, refill: { interval: 'monthly', amount: 11 } }), 'Low credits', '1 < 1.1');
    assert.equal(low({ remaining: 1, refill: { interval: 'monthly', amount: 10 } }), 'Active', '1 = 10% of 10');
    assert.equal(low({ remaining: 5 }), 'Active', 'some credits and no refill: not low');
  });

  it('credits null or absent are unlimited, never low', () => {
    assert.equal(health({ credits: { remaining: null } }).status, 'Active');
    assert.equal(health({ credits: { remaining: null, refill: { interval: 'daily', amount: 100 } } }).status, 'Active');
    assert.equal(health({}).status, 'Active');
    assert.equal(health({ credits: { remaining: null } }).reason, 'enabled; no verifications in the last 24 h', 'unlimited credits are not mentioned');
  });

  it('Rate limited: more than 10% of the last 24 hours RATE_LIMITED; exactly 10% is not', () => {
    assert.deepEqual(health({}, counts({ valid: 620, rateLimited: 380 })), {
      status: 'Rate limited',
      reason: '38% rate limited in the last 24 h (380 of 1,000 verifications)',
      // 38% not VALID is also an elevated rejection rate.
      others: ['Elevated rejections'],
    });
    assert.equal(health({}, counts({ valid: 90, rateLimited: 10 })).status, 'Active', 'exactly 10%');
    assert.equal(health({}, counts({ valid: 89, rateLimited: 11 })).status, 'Rate limited');
    assert.equal(health({}, counts({ valid: 899, rateLimited: 101 })).status, 'Rate limited', '10.1%');
  });

  it('Elevated rejections: more than 10% not VALID; exactly 10% is not', () => {
    assert.deepEqual(health({}, counts({ valid: 86, usageExceeded: 9, forbidden: 5 })), {
      status: 'Elevated rejections',
      reason: '14% rejected in the last 24 h (14 of 100 verifications), most often usage exceeded',
      others: [],
    });
    assert.equal(health({}, counts({ valid: 90, forbidden: 6, rateLimited: 4 })).status, 'Active', 'exactly 10% rejected');
    assert.equal(health({}, counts({ valid: 89, forbidden: 7, rateLimited: 4 })).status, 'Elevated rejections');
    assert.equal(health({}, counts({ valid: 86, rateLimited: 10, notFound: 4 })).reason, '14% rejected in the last 24 h (14 of 100 verifications), most often rate limited');
  });

  it('Expires soon: within expiresSoonDays (7 by default), the last day included', () => {
    assert.deepEqual(health({ expiresAt: NOW + 3 * DAY }), { status: 'Expires soon', reason: 'expires in 3 days', others: [] });
    assert.equal(health({ expiresAt: NOW + 7 * DAY }).status, 'Expires soon');
    assert.equal(health({ expiresAt: NOW + 7 * DAY + 1 }).status, 'Active');
    assert.equal(unkeyHealth({ key: { enabled: true, expiresAt: NOW + 10 * DAY }, last24h: quiet }, { now: NOW, expiresSoonDays: 14 }).status, 'Expires soon');
  });

  it('priority: when several hold, the first in the list wins and the rest follow in order', () => {
    const everything = health(
      { enabled: false, expiresAt: NOW - DAY, credits: { remaining: 0, refill: { interval: 'monthly', amount: 100, refillDay: 3 } } },
      counts({ valid: 10, rateLimited: 50, disabled: 40 }),
    );
    assert.equal(everything.status, 'Disabled');
    assert.deepEqual(everything.others, ['Expired', 'Low credits', 'Rate limited', 'Elevated rejections']);
    const pairs: Array<[Partial<UnkeyHealthInput['key']>, OutcomeCounts, string, string[]]> = [
      [{ enabled: false, expiresAt: NOW - DAY }, quiet, 'Disabled', ['Expired']],
      [{ expiresAt: NOW - DAY, credits: { remaining: 0 } }, quiet, 'Expired', ['Low credits']],
      [{ credits: { remaining: 0 } }, counts({ valid: 5, rateLimited: 5 }), 'Low credits', ['Rate limited', 'Elevated rejections']],
      [{ expiresAt: NOW + DAY }, counts({ valid: 5, rateLimited: 5 }), 'Rate limited', ['Expires soon', 'Elevated rejections']],
      [{ expiresAt: NOW + DAY }, counts({ valid: 5, forbidden: 5 }), 'Expires soon', ['Elevated rejections']],
      [{ enabled: false }, counts({ disabled: 100 }), 'Disabled', ['Elevated rejections']],
    ];
    for (const [key, last24h, status, others] of pairs) {
      const result = health(key, last24h);
      assert.deepEqual([result.status, result.others], [status, others], JSON.stringify(key));
    }
  });

  it('without the last 24 hours: no rate words, and a caveat says they were not checked', () => {
    const unchecked = health({}, null);
    assert.equal(unchecked.status, 'Active');
    assert.equal(unchecked.reason, 'enabled');
    assert.match(unchecked.caveat ?? '', /not checked/);
    assert.equal(health({ expiresAt: NOW + DAY }, null).status, 'Expires soon');
    assert.equal(health({}, counts({ valid: 1 })).caveat, undefined, 'no caveat when the counts were there');
  });

  it('a total of 0 (or counts whose total says 0) is never over 10%', () => {
    assert.equal(health({}, counts({ total: 0 })).status, 'Active');
  });
});
