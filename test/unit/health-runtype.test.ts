// Runtype key health from the key list alone: Inactive only when off for a reason other than expiry
// (Runtype reports an expired key as not active), Expired, Expires soon, Active.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runtypeHealth } from '../../src/health/runtype-health';
import { RUNTYPE_STATUSES } from '../../src/health/status';

const NOW = Date.UTC(2024, 3, 25, 12);
const DAY = 86_400_000;
const options = { now: NOW, expiresSoonDays: 7 };

describe('Runtype key health', () => {
  it('the words, in priority order', () => {
    assert.deepEqual(RUNTYPE_STATUSES, ['Inactive', 'Expired', 'Expires soon', 'Active']);
  });

  it('Active: active and never expiring, or expiring later', () => {
    assert.deepEqual(runtypeHealth({ enabled: true }, options), { status: 'Active', reason: 'active; never expires', others: [] });
    assert.deepEqual(runtypeHealth({ enabled: true, expiresAt: NOW + 30 * DAY }, options), { status: 'Active', reason: 'active; expires in 30 days', others: [] });
  });

  it('Inactive: isActive false without having expired', () => {
    assert.deepEqual(runtypeHealth({ enabled: false }, options), { status: 'Inactive', reason: 'Runtype reports the key as not active', others: [] });
    assert.deepEqual(runtypeHealth({ enabled: false, expiresAt: NOW + 2 * DAY }, options), {
      status: 'Inactive',
      reason: 'Runtype reports the key as not active',
      others: ['Expires soon'],
    });
  });

  it('Expired: expiresAt in the past or exactly now, whatever isActive says', () => {
    assert.deepEqual(runtypeHealth({ enabled: false, expiresAt: NOW - 3 * DAY }, options), { status: 'Expired', reason: 'expired 3 days ago', others: [] });
    assert.equal(runtypeHealth({ enabled: true, expiresAt: NOW - 3 * DAY }, options).status, 'Expired');
    assert.equal(runtypeHealth({ enabled: false, expiresAt: NOW }, options).status, 'Expired');
  });

  it('Expires soon: within expiresSoonDays', () => {
    assert.deepEqual(runtypeHealth({ enabled: true, expiresAt: NOW + 5 * DAY }, options), { status: 'Expires soon', reason: 'expires in 5 days', others: [] });
    assert.equal(runtypeHealth({ enabled: true, expiresAt: NOW + 8 * DAY }, options).status, 'Active');
  });
});
