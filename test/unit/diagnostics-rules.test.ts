// The Problems panel's rules for key statuses (issue 13): severities, messages, and the bounded id scan.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyIdOccurrences, MAX_IDS_PER_DOCUMENT, problemMessage, problemSeverity, restsOnKeyListDate } from '../../src/diagnostics/rules';
import { KEY_LIST_CAVEAT } from '../../src/health/cryptolens-health';
import { CRYPTOLENS_STATUSES, RUNTYPE_STATUSES, UNKEY_STATUSES } from '../../src/health/status';

describe('diagnostics rules', () => {
  it('lists keys that do not work as warnings, keys worth a look as information, and no others', () => {
    const all = new Set([...UNKEY_STATUSES, ...CRYPTOLENS_STATUSES, ...RUNTYPE_STATUSES]);
    const severities = Object.fromEntries([...all].map((status) => [status, problemSeverity(status) ?? 'none']));
    assert.deepEqual(severities, {
      Disabled: 'warning',
      Expired: 'warning',
      'Low credits': 'information',
      'Rate limited': 'information',
      'Expires soon': 'information',
      'Elevated rejections': 'none',
      Active: 'none',
      Deleted: 'warning',
      Blocked: 'warning',
      'Seats full': 'information',
      Inactive: 'warning',
    });
  });

  it('raises no Problem for a Cryptolens date read from a key list alone (the product may not enforce it)', () => {
    const listed = { reason: 'r', others: [], caveat: KEY_LIST_CAVEAT };
    assert.equal(restsOnKeyListDate({ ...listed, status: 'Expired' }), true);
    assert.equal(restsOnKeyListDate({ ...listed, status: 'Expires soon' }), true);
    assert.equal(restsOnKeyListDate({ ...listed, status: 'Seats full' }), false, 'a key list tells seats');
    assert.equal(restsOnKeyListDate({ status: 'Expired', reason: 'r', others: [] }), false, 'key/GetKey said so');
  });

  it('says the status word, the vendor and the id as the document has it, with the reason', () => {
    const message = problemMessage({ vendor: 'unkey', kind: 'key' }, 'key_3ZZ7faUrkfv1YAhffAcnKW', { status: 'Expired', reason: 'expired 3 days ago', others: [] });
    assert.equal(message, 'Expired: Unkey key key_3ZZ7faUrkfv1YAhffAcnKW — expired 3 days ago');
    const cryptolens = problemMessage({ vendor: 'cryptolens', kind: 'license key' }, 'ABCDE-FGHIJ-KLMNO-PQRST', { status: 'Seats full', reason: '3 of 3 seats used', others: [] });
    assert.match(cryptolens, /^Seats full: Cryptolens license key ABCDE-FGHIJ-KLMNO-PQRST — 3 of 3 seats used$/);
  });

  it('finds each id once with all its places, skips API ids, and stops at the per-document cap', () => {
    const lines = ['const a = "key_3ZZ7faUrkfv1YAhffAcnKW"; // api_5DxB9dVkzHuApD2g', 'again("key_3ZZ7faUrkfv1YAhffAcnKW")'];
    const found = keyIdOccurrences(lines);
    assert.equal(found.size, 1);
    assert.deepEqual([...found.values()][0]?.map((occurrence) => occurrence.line), [0, 1]);
    const many = Array.from({ length: MAX_IDS_PER_DOCUMENT + 30 }, (_, i) => `"key_${'A'.repeat(16)}${String(i).padStart(4, '0')}"`);
    assert.equal(keyIdOccurrences(many).size, MAX_IDS_PER_DOCUMENT);
  });
});
