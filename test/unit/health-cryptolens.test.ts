// Cryptolens license health: Deleted from the usage summary; Blocked and Expired from key/GetKey's
// license status; Seats full; Expires soon only for time-limited licenses; the key-list path (no
// license status) with its caveat; and no status at all when nothing could be read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cryptolensHealth, KEY_LIST_CAVEAT } from '../../src/health/cryptolens-health';
import { CRYPTOLENS_STATUSES } from '../../src/health/status';
import type { LicenseKeyDetails, LicenseStatus } from '../../src/vendors/license-key';

const NOW = Date.UTC(2025, 8, 1, 12);
const DAY = 86_400_000;
const options = { now: NOW, expiresSoonDays: 7 };

function license(fields: Partial<LicenseKeyDetails> = {}): LicenseKeyDetails {
  return {
    vendor: 'cryptolens',
    productId: 3349,
    licenseKeyId: 7,
    key: 'AAAA-BBBB-CCCC-DDDD',
    createdAt: NOW - 100 * DAY,
    expiresAt: NOW + 200 * DAY,
    periodDays: 300,
    features: [true, false, false, false, false, false, false, false],
    blockFlag: false,
    activatedMachines: 1,
    maxMachines: 3,
    trialActivation: false,
    ...fields,
  };
}

function status(fields: Partial<LicenseStatus> = {}): LicenseStatus {
  return { valid: true, invalidity: 'none', trial: false, timeLimited: true, daysLeft: 200, ...fields };
}

const health = (fields: Partial<LicenseKeyDetails>, withStatus: Partial<LicenseStatus> | null = {}): ReturnType<typeof cryptolensHealth> =>
  cryptolensHealth({ license: license({ ...fields, ...(withStatus ? { status: status(withStatus) } : {}) }) }, options);

describe('Cryptolens license health', () => {
  it('the words, in priority order', () => {
    assert.deepEqual(CRYPTOLENS_STATUSES, ['Deleted', 'Blocked', 'Expired', 'Seats full', 'Expires soon', 'Active']);
  });

  it('nothing read and not deleted: no status rather than a guess', () => {
    assert.equal(cryptolensHealth({}, options), undefined);
    assert.equal(cryptolensHealth({ deleted: false }, options), undefined);
  });

  it('Deleted: the usage summary has no key string; it outranks everything', () => {
    assert.deepEqual(cryptolensHealth({ deleted: true }, options), { status: 'Deleted', reason: 'deleted in Cryptolens; its usage history remains', others: [] });
    assert.equal(cryptolensHealth({ deleted: true, license: license({ blockFlag: true }) }, options)?.status, 'Deleted');
  });

  it('Active: valid, with seats and expiry in the reason', () => {
    assert.deepEqual(health({}), { status: 'Active', reason: 'valid; 1 of 3 seats used; expires in 200 days', others: [] });
    assert.equal(health({ maxMachines: 0, activatedMachines: 4 }, { timeLimited: false })?.reason, 'valid; 4 seats used, no limit; not time-limited');
    assert.equal(health({ maxMachines: 0, activatedMachines: 1 }, { timeLimited: false })?.reason, 'valid; 1 seat used, no limit; not time-limited');
    assert.equal(health({}, { valid: false })?.reason, 'not valid, for no reason Cryptolens names; 1 of 3 seats used; expires in 200 days');
  });

  it('Blocked: the license status says blocked (ReasonForInvalidity 2)', () => {
    assert.deepEqual(health({}, { valid: false, invalidity: 'blocked' }), { status: 'Blocked', reason: 'blocked in Cryptolens', others: [] });
  });

  it('Expired: the license status says expired (1); the reason tells since when', () => {
    assert.deepEqual(health({ expiresAt: NOW - 3 * DAY }, { valid: false, invalidity: 'expired', daysLeft: 0 }), { status: 'Expired', reason: 'expired 3 days ago', others: [] });
    assert.equal(health({ expiresAt: NOW + DAY }, { valid: false, invalidity: 'expired' })?.reason, 'Cryptolens reports it expired');
  });

  it('a past expiry date that the product does not enforce is not Expired', () => {
    assert.equal(health({ expiresAt: NOW - 30 * DAY }, { timeLimited: false })?.status, 'Active');
    assert.equal(health({ expiresAt: NOW - 30 * DAY }, { timeLimited: true })?.status, 'Active', 'the license status is what Cryptolens decided');
  });

  it('Seats full: activated machines ≥ a non-zero maximum', () => {
    assert.deepEqual(health({ activatedMachines: 3, maxMachines: 3 }), { status: 'Seats full', reason: '3 of 3 seats used', others: [] });
    assert.equal(health({ activatedMachines: 4, maxMachines: 3 })?.status, 'Seats full', 'over the limit (allowed machines)');
    assert.equal(health({ activatedMachines: 2, maxMachines: 3 })?.status, 'Active');
    assert.equal(health({ activatedMachines: 0, maxMachines: 0 })?.status, 'Active', '0 = no limit');
    assert.equal(health({ activatedMachines: 9, maxMachines: 0 })?.status, 'Active');
  });

  it('Expires soon: a time-limited license within expiresSoonDays; never for one that is not time-limited', () => {
    assert.deepEqual(health({ expiresAt: NOW + 5 * DAY }, { daysLeft: 5 }), { status: 'Expires soon', reason: 'expires in 5 days', others: [] });
    assert.equal(health({ expiresAt: NOW + 7 * DAY })?.status, 'Expires soon');
    assert.equal(health({ expiresAt: NOW + 8 * DAY })?.status, 'Active');
    assert.equal(health({ expiresAt: NOW + 5 * DAY }, { timeLimited: false })?.status, 'Active');
  });

  it('priority: Blocked > Expired > Seats full > Expires soon', () => {
    assert.deepEqual(
      [health({ activatedMachines: 3, maxMachines: 3, expiresAt: NOW + DAY }, { valid: false, invalidity: 'blocked' })].map((h) => [h?.status, h?.others]),
      [['Blocked', ['Seats full', 'Expires soon']]],
    );
    const expired = health({ activatedMachines: 3, maxMachines: 3, expiresAt: NOW - DAY }, { valid: false, invalidity: 'expired' });
    assert.deepEqual([expired?.status, expired?.others], ['Expired', ['Seats full']]);
    const full = health({ activatedMachines: 3, maxMachines: 3, expiresAt: NOW + DAY });
    assert.deepEqual([full?.status, full?.others], ['Seats full', ['Expires soon']]);
  });

  it('from a key list (no license status): the date taken at face value, blocking unknown, a caveat says so', () => {
    const listed = health({}, null);
    assert.deepEqual(listed, { status: 'Active', reason: '1 of 3 seats used; expires in 200 days', others: [], caveat: KEY_LIST_CAVEAT });
    assert.equal(health({ expiresAt: NOW - 3 * DAY }, null)?.reason, 'expiry date passed 3 days ago');
    assert.equal(health({ expiresAt: NOW - 3 * DAY }, null)?.status, 'Expired');
    assert.equal(health({ expiresAt: NOW + 2 * DAY }, null)?.status, 'Expires soon');
    assert.equal(health({ activatedMachines: 5, maxMachines: 5 }, null)?.status, 'Seats full');
    assert.equal(health({ blockFlag: true }, null)?.status, 'Blocked', 'a true Block flag is believed; a false one says nothing');
    assert.equal(health({ expiresAt: undefined }, null)?.reason, '1 of 3 seats used');
  });
});
