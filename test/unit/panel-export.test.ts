// The text a person gets from "Export CSV / JSON": exactly the tables the panel shows, times in UTC
// ISO 8601, numbers as numbers, and vendor text that cannot turn into a spreadsheet formula.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportFileName, snapshotToCsv, snapshotToJson } from '../../src/panel/export-text';
import type { Snapshot } from '../../src/panel/protocol-data';

const T0 = Date.UTC(2025, 0, 13, 9);

const snapshot: Snapshot = {
  title: 'Cryptolens · Product 3349',
  scope: { vendor: 'cryptolens', productId: 3349 },
  generatedAt: Date.UTC(2025, 4, 26, 12, 30, 15, 250),
  notes: ['Devices were counted for the 10 busiest keys only.'],
  tables: [
    {
      name: 'License keys',
      columns: [
        { key: 'key', label: 'Key', kind: 'text' },
        { key: 'requests', label: 'Requests', kind: 'count' },
        { key: 'successRate', label: 'Success rate', kind: 'percent' },
        { key: 'lastSeen', label: 'Last seen (UTC)', kind: 'time' },
      ],
      rows: [
        ['AAAA-BBBB-CCCC-DDDD', 320, 93.75, 1748217600000],
        ['=HYPERLINK("http://x","y")', 0, null, null],
        ['a "quoted", key\nwith a newline', 5, 100, T0],
        ['-2+3', 1, 0, T0],
      ],
    },
    {
      name: 'Counters',
      columns: [
        { key: 'counter', label: 'Counter', kind: 'text' },
        { key: 'value', label: 'Value', kind: 'count' },
      ],
      rows: [['activationSuccess', 12]],
    },
  ],
};

describe('panel export: CSV', () => {
  it('neutralises a formula in every string cell, whatever its column, and quotes separators', () => {
    const hostile: Snapshot = {
      ...snapshot,
      title: '=cmd|"/c calc"!A1',
      notes: ['+1; note'],
      tables: [
        {
          name: '@SUM(A1)',
          columns: [
            { key: 'name', label: '-label', kind: 'text' },
            { key: 'count', label: 'Count', kind: 'count' },
            { key: 'rate', label: 'Rate', kind: 'percent' },
            { key: 'time', label: 'Time', kind: 'time' },
          ],
          // Strings where numbers belong still reach the file: a vendor can send anything.
          rows: [['\tTAB', '=1+1', '+2', '@x'], ['\rCR', '-3', 'a;b', 'plain']],
        },
      ],
    };
    const lines = snapshotToCsv(hostile).split('\r\n');
    assert.deepEqual(lines.slice(0, 8), [
      `"'=cmd|""/c calc""!A1"`,
      `"'+1; note"`,
      '',
      `'@SUM(A1)`,
      `'-label,Count,Rate,Time`,
      `'\tTAB,'=1+1,'+2,'@x`,
      `"'\rCR",'-3,"a;b",plain`,
      '',
    ]);
  });

  it('writes the title and notes, then one section per table, CRLF line ends', () => {
    const expected = [
      'Cryptolens · Product 3349',
      'Devices were counted for the 10 busiest keys only.',
      '',
      'License keys',
      'Key,Requests,Success rate,Last seen (UTC)',
      'AAAA-BBBB-CCCC-DDDD,320,93.8,2025-05-26T00:00:00Z',
      '"\'=HYPERLINK(""http://x"",""y"")",0,,',
      '"a ""quoted"", key\nwith a newline",5,100,2025-01-13T09:00:00Z',
      "'-2+3,1,0,2025-01-13T09:00:00Z",
      '',
      'Counters',
      'Counter,Value',
      'activationSuccess,12',
      '',
    ].join('\r\n');
    assert.equal(snapshotToCsv(snapshot), expected);
  });

  it('writes an empty panel as its title and notes only', () => {
    assert.equal(snapshotToCsv({ ...snapshot, notes: [], tables: [] }), 'Cryptolens · Product 3349\r\n');
  });
});

describe('panel export: JSON', () => {
  it('writes rows as objects keyed by column, times as ISO strings, percentages to one decimal', () => {
    const document = JSON.parse(snapshotToJson(snapshot)) as {
      title: string;
      scope: unknown;
      generatedAt: string;
      notes: string[];
      tables: { name: string; columns: unknown[]; rows: Record<string, unknown>[] }[];
    };
    assert.equal(document.title, snapshot.title);
    assert.deepEqual(document.scope, { vendor: 'cryptolens', productId: 3349 });
    assert.equal(document.generatedAt, '2025-05-26T12:30:15Z');
    assert.deepEqual(document.notes, snapshot.notes);
    assert.equal(document.tables.length, 2);
    assert.deepEqual(document.tables[0]?.rows[0], { key: 'AAAA-BBBB-CCCC-DDDD', requests: 320, successRate: 93.8, lastSeen: '2025-05-26T00:00:00Z' });
    // JSON is not a spreadsheet: text stays exactly as the vendor sent it.
    assert.deepEqual(document.tables[0]?.rows[1], { key: '=HYPERLINK("http://x","y")', requests: 0, successRate: null, lastSeen: null });
    assert.deepEqual(document.tables[1], { name: 'Counters', columns: snapshot.tables[1]?.columns, rows: [{ counter: 'activationSuccess', value: 12 }] });
  });
});

describe('panel export: file names', () => {
  it('names the file after vendor, scope and day, with nothing a path could abuse', () => {
    assert.equal(exportFileName(snapshot, 'csv'), 'keyscope-cryptolens-product-3349-2025-05-26.csv');
    const unkey: Snapshot = { ...snapshot, scope: { vendor: 'unkey', apiId: '../../etc/passwd', keyId: 'key_1 <b>' } };
    assert.equal(exportFileName(unkey, 'json'), 'keyscope-unkey-etc_passwd-key_1_b_-2025-05-26.json');
    assert.equal(exportFileName({ ...snapshot, scope: { vendor: 'runtype' } }, 'csv'), 'keyscope-runtype-2025-05-26.csv');
  });
});
