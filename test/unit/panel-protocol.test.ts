// The Analytics panel's message protocol: every message both ways survives a trip through
// postMessage (structured clone) and JSON unchanged, and anything malformed is rejected with the id
// of the request it claimed to be, so that request can still be answered.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SLICES, parseHostMessage, parseResult, parseWebviewMessage } from '../../src/panel/protocol';
import type { Snapshot } from '../../src/panel/protocol-data';
import { OUTCOMES, type OutcomeCounts } from '../../src/vendors/model';

const HOUR = 3_600_000;
const START = Date.UTC(2025, 0, 13, 0);

function counts(valid: number, expired = 0): OutcomeCounts {
  const result = { total: valid + expired } as OutcomeCounts;
  for (const outcome of OUTCOMES) result[outcome] = 0;
  result.valid = valid;
  result.expired = expired;
  return result;
}

const snapshot: Snapshot = {
  title: 'Unkey · api_123',
  scope: { vendor: 'unkey', apiId: 'api_123' },
  generatedAt: START,
  notes: [],
  tables: [{ name: 'Verification outcomes per hour', columns: [{ key: 'start', label: 'Start (UTC)', kind: 'time' }, { key: 'valid', label: 'Valid', kind: 'count' }], rows: [[START, 3]] }],
};

const validWebviewMessages: unknown[] = [
  { kind: 'request', id: 1, method: 'init', params: {} },
  { kind: 'request', id: 2, method: 'unkey.series', params: { start: START, end: START + 23 * HOUR, granularity: 'hour' } },
  { kind: 'request', id: 3, method: 'unkey.breakdown', params: { range: { start: START, end: START + HOUR, granularity: 'day' }, by: 'tags', limit: 10 } },
  { kind: 'request', id: 4, method: 'cryptolens.product', params: {} },
  { kind: 'request', id: 5, method: 'cryptolens.key', params: {} },
  { kind: 'request', id: 6, method: 'runtype.summary', params: {} },
  { kind: 'request', id: 7, method: 'refresh', params: {} },
  { kind: 'request', id: 8, method: 'export', params: { format: 'csv', snapshot } },
  { kind: 'request', id: 9, method: 'open', params: { scope: { vendor: 'cryptolens', productId: 3349, keyId: 123456 } } },
  { kind: 'request', id: 10, method: 'shown', params: { snapshot } },
  { kind: 'response', id: 1, ok: true, result: snapshot },
  { kind: 'response', id: 2, ok: false, error: { message: 'the panel is still loading' } },
];

const validHostMessages: unknown[] = [
  { kind: 'response', id: 1, ok: true, result: { slices: [{ time: START, outcomes: counts(5, 1) }] } },
  { kind: 'response', id: 2, ok: false, error: { message: 'Unkey: insufficient permissions' } },
];

describe('panel protocol: valid messages', () => {
  it('accepts every request and response the webview sends, unchanged after structured clone and JSON', () => {
    for (const message of validWebviewMessages) {
      for (const copy of [structuredClone(message), JSON.parse(JSON.stringify(message)) as unknown]) {
        const parsed = parseWebviewMessage(copy);
        assert.ok(parsed.ok, `rejected ${JSON.stringify(message)}: ${parsed.ok ? '' : parsed.error}`);
        assert.deepEqual(parsed.message, message);
      }
    }
  });

  it('accepts every request and response the host sends, unchanged after structured clone', () => {
    for (const message of validHostMessages) {
      const parsed = parseHostMessage(structuredClone(message));
      assert.ok(parsed.ok, `rejected ${JSON.stringify(message)}: ${parsed.ok ? '' : parsed.error}`);
      assert.deepEqual(parsed.message, message);
    }
  });

  it('checks results per method: a series answer is not a breakdown answer', () => {
    const series = { slices: [{ time: START, outcomes: counts(5) }] };
    assert.equal(parseResult('unkey.series', series).success, true);
    assert.equal(parseResult('unkey.breakdown', series).success, false);
    assert.equal(parseResult('cryptolens.key', { key: null, devices: [] }).success, true);
  });
});

describe('panel protocol: malformed messages are rejected', () => {
  const rejected: [string, unknown, number | undefined][] = [
    ['not an object', 'init', undefined],
    ['null', null, undefined],
    ['no kind', { id: 1, method: 'init', params: {} }, undefined],
    ['an unknown method', { kind: 'request', id: 4, method: 'unkey.deleteKey', params: {} }, 4],
    ['a request without id', { kind: 'request', method: 'init', params: {} }, undefined],
    ['a fractional id', { kind: 'request', id: 1.5, method: 'init', params: {} }, undefined],
    ['a negative id', { kind: 'request', id: -1, method: 'init', params: {} }, undefined],
    ['an extra field', { kind: 'request', id: 5, method: 'init', params: {}, token: 'x' }, 5],
    ['params naming a scope', { kind: 'request', id: 6, method: 'cryptolens.product', params: { productId: 1 } }, 6],
    ['a range that ends before it starts', { kind: 'request', id: 7, method: 'unkey.series', params: { start: START, end: START, granularity: 'hour' } }, 7],
    ['too many hourly slices', { kind: 'request', id: 8, method: 'unkey.series', params: { start: START, end: START + (MAX_SLICES + 5) * HOUR, granularity: 'hour' } }, 8],
    ['an unknown granularity', { kind: 'request', id: 9, method: 'unkey.series', params: { start: START, end: START + HOUR, granularity: 'week' } }, 9],
    ['times as strings', { kind: 'request', id: 10, method: 'unkey.series', params: { start: String(START), end: START + HOUR, granularity: 'hour' } }, 10],
    ['an unknown breakdown', { kind: 'request', id: 11, method: 'unkey.breakdown', params: { range: { start: START, end: START + HOUR, granularity: 'day' }, by: 'country', limit: 10 } }, 11],
    ['a limit of one', { kind: 'request', id: 12, method: 'unkey.breakdown', params: { range: { start: START, end: START + HOUR, granularity: 'day' }, by: 'key', limit: 1 } }, 12],
    ['an unknown export format', { kind: 'request', id: 13, method: 'export', params: { format: 'xlsx', snapshot } }, 13],
    [
      'a snapshot row with a missing cell',
      { kind: 'request', id: 14, method: 'export', params: { format: 'csv', snapshot: { ...snapshot, tables: [{ ...snapshot.tables[0], rows: [[START]] }] } } },
      14,
    ],
    ['an open with an unknown vendor', { kind: 'request', id: 15, method: 'open', params: { scope: { vendor: 'stripe' } } }, 15],
    ['a response with both result and error', { kind: 'response', id: 3, ok: true, result: {}, error: { message: 'x' } }, undefined],
    ['a failed response without a message', { kind: 'response', id: 3, ok: false, error: {} }, undefined],
  ];

  for (const [what, message, id] of rejected) {
    it(`rejects ${what}${id !== undefined ? ', keeping its id to answer it' : ''}`, () => {
      const parsed = parseWebviewMessage(message);
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      assert.equal(parsed.id, id);
      assert.match(parsed.error, /^malformed message/);
    });
  }

  it('says what is wrong with the request it rejects', () => {
    const explain = (message: unknown): string => {
      const parsed = parseWebviewMessage(message);
      return parsed.ok ? '' : parsed.error;
    };
    assert.equal(explain({ kind: 'request', id: 7, method: 'unkey.series', params: { start: START, end: START, granularity: 'hour' } }), 'malformed message at params: start must be before end');
    assert.equal(explain({ kind: 'request', id: 9, method: 'unkey.series', params: { start: START, end: START + HOUR, granularity: 'week' } }), 'malformed message at params.granularity: not an allowed value');
    assert.equal(explain({ kind: 'request', id: 10, method: 'unkey.series', params: { start: 'x', end: START + HOUR, granularity: 'hour' } }), 'malformed message at params.start: expected number');
    assert.equal(explain({ kind: 'request', id: 5, method: 'init', params: {}, token: 'x' }), 'malformed message: unexpected token');
    assert.equal(explain({ kind: 'request', id: 4, method: 'unkey.deleteKey', params: {} }), 'malformed message at method: not a known method');
    assert.equal(explain({ kind: 'request', id: 4, method: 'toString', params: {} }), 'malformed message at method: not a known method');
  });

  it('rejects host answers whose counts are not whole non-negative numbers or carry extra outcomes', () => {
    for (const outcomes of [{ ...counts(1), valid: -1 }, { ...counts(1), valid: 0.5 }, { ...counts(1), teapot: 1 }, { total: 1 }]) {
      assert.equal(parseResult('unkey.series', { slices: [{ time: START, outcomes }] }).success, false, JSON.stringify(outcomes));
    }
  });

  it('rejects a webview request the host does not serve and a host request the webview does not serve', () => {
    assert.equal(parseHostMessage({ kind: 'request', id: 1, method: 'init', params: {} }).ok, false);
    assert.equal(parseWebviewMessage({ kind: 'request', id: 1, method: 'snapshot', params: {} }).ok, false);
  });

  it('lets the host ask the webview to reload ("Keyscope: Refresh"), with no params', () => {
    assert.equal(parseHostMessage({ kind: 'request', id: 1, method: 'reload', params: {} }).ok, true);
    assert.equal(parseHostMessage({ kind: 'request', id: 1, method: 'reload', params: { range: 1 } }).ok, false);
    assert.equal(parseWebviewMessage({ kind: 'request', id: 1, method: 'reload', params: {} }).ok, false);
  });
});
